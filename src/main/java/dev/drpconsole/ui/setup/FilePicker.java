package dev.drpconsole.ui.setup;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file to open: the wizard's "Choose…" and "Upload a provider binary…" buttons. */
@FunctionalInterface
interface FilePicker {
    /** The desktop's own file dialog. */
    FilePicker SYSTEM = (owner, title) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        File picked = chooser.showOpenDialog(owner);
        return Optional.ofNullable(picked).map(file -> file.toPath().toAbsolutePath());
    };

    /** @return the file picked, empty when the user cancelled */
    Optional<Path> pick(Window owner, String title);
}
