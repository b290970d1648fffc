package dev.drpconsole.ui.setup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file to open: the wizard's "Choose…" and "Upload a provider binary…" buttons. */
@FunctionalInterface
interface FilePicker {
    /** The desktop's own file dialog, opened in {@code folder} (GTK's otherwise opens on an empty "Recent"). */
    FilePicker SYSTEM = (owner, title, folder) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(folder.toFile());
        File picked = chooser.showOpenDialog(owner);
        return Optional.ofNullable(picked).map(file -> file.toPath().toAbsolutePath());
    };

    /**
     * @param folder where the dialog opens, an existing directory
     * @return the file picked, empty when the user cancelled
     */
    Optional<Path> pick(Window owner, String title, Path folder);

    /** Where to look first: the folder of the current choice when it exists, else the user's home. */
    static Path startFolder(String currentChoice) {
        if (currentChoice != null && !currentChoice.isBlank()) {
            Path parent = Path.of(currentChoice).toAbsolutePath().getParent();
            if (parent != null && Files.isDirectory(parent)) {
                return parent;
            }
        }
        return Path.of(System.getProperty("user.home"));
    }
}
