package dev.drpconsole.ui.contexts;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before a context is deleted. When machines use it, the question names them and the button says "Delete
 * anyway": their runners stop working, so that has to be an explicit choice, and Cancel is the default.
 * The delete button is {@code #contexts-delete-confirm}.
 */
final class ContextDeletion {
    private ContextDeletion() {
    }

    static void confirm(Window owner, ContextRow row, Runnable onConfirmed) {
        boolean inUse = !row.usedBy().isEmpty();
        ButtonType delete = new ButtonType(inUse ? "Delete anyway" : "Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(inUse ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, "", delete,
                ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Delete context " + row.name());
        if (inUse) {
            alert.setHeaderText("Context " + row.name() + " is used by " + row.usedBy().size()
                    + (row.usedBy().size() == 1 ? " machine" : " machines"));
            alert.setContentText("Their tasks will have no runner once it is gone:\n\n  • "
                    + String.join("\n  • ", row.usedBy()) + "\n\nChange their context first, or delete it anyway.");
        } else {
            alert.setHeaderText("Delete context " + row.name() + "?");
            alert.setContentText("No machine uses it. This cannot be undone.");
        }
        Button deleteButton = (Button) alert.getDialogPane().lookupButton(delete);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        deleteButton.setId("contexts-delete-confirm");
        cancelButton.setId("contexts-delete-cancel");
        deleteButton.setDefaultButton(!inUse);
        cancelButton.setDefaultButton(inUse);
        alert.setOnHidden(event -> {
            if (alert.getResult() == delete) {
                onConfirmed.run();
            }
        });
        alert.show();
    }
}
