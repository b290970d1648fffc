package dev.drpconsole.ui.runners;

import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

/**
 * The runner page's questions, shown without blocking. Ids: {@code #runners-delete-confirm},
 * {@code #runners-delete-cancel}, {@code #runners-change-context-ok}.
 */
final class RunnerDialogs {
    private RunnerDialogs() {
    }

    static void confirmDelete(Window owner, RunnerRow row, Runnable onConfirmed) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", delete, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Delete runner machine " + row.name());
        alert.setHeaderText("Delete runner machine " + row.name() + "?");
        alert.setContentText("DRP forgets the machine and its jobs; the engine plugin removes its container "
                + row.containerName() + ". This cannot be undone.");
        Button deleteButton = (Button) alert.getDialogPane().lookupButton(delete);
        deleteButton.setId("runners-delete-confirm");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("runners-delete-cancel");
        alert.setOnHidden(event -> {
            if (alert.getResult() == delete) {
                onConfirmed.run();
            }
        });
        alert.show();
    }

    static void chooseContext(Window owner, RunnerRow row, ObservableList<String> contexts,
            Consumer<String> onChosen) {
        String current = row.baseContext().isEmpty() ? row.context() : row.baseContext();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(contexts.contains(current) ? current : null, contexts);
        dialog.initOwner(owner);
        dialog.setTitle("Change context of " + row.name());
        dialog.setHeaderText("Which context should run " + row.name() + "'s tasks?");
        dialog.setContentText("Context:");
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("runners-change-context-ok");
        dialog.setOnHidden(event -> {
            String chosen = dialog.getResult();
            if (chosen != null && !chosen.equals(current)) {
                onChosen.accept(chosen);
            }
        });
        dialog.show();
    }
}
