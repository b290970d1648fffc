package dev.drpconsole.ui.containers;

import dev.drpconsole.core.engine.ContainerInspection;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Inspect: the container's key facts, its environment (secret values hidden), labels, and the whole as JSON with
 * a copy button. Ids: {@code #container-inspect}, {@code #container-facts}, {@code #container-env},
 * {@code #container-labels}, {@code #container-json}, {@code #container-json-copy}.
 */
final class ContainerInspectPane extends ScrollPane {
    private final GridPane facts = new GridPane();
    private final Label environment = new Label();
    private final Label labels = new Label();
    private final TextArea json = new TextArea();
    private final Label empty = new Label("Select a container and choose Inspect.");
    private final VBox body;

    ContainerInspectPane() {
        setId("container-inspect");
        getStyleClass().add("container-inspect");
        setFitToWidth(true);
        facts.setId("container-facts");
        facts.getStyleClass().add("container-facts");
        environment.setId("container-env");
        labels.setId("container-labels");
        environment.getStyleClass().add("monospace-block");
        labels.getStyleClass().add("monospace-block");
        json.setId("container-json");
        json.setEditable(false);
        json.getStyleClass().add("monospace-block");
        json.setPrefRowCount(14);
        Button copy = new Button("Copy JSON");
        copy.setId("container-json-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(json.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        TitledPane jsonPane = new TitledPane("JSON", new VBox(6, copy, json));
        jsonPane.setExpanded(false);
        body = new VBox(10, facts, heading("Environment"), environment, heading("Labels"), labels, jsonPane);
        body.setPadding(new Insets(12, 16, 12, 16));
        empty.getStyleClass().add("details-hint");
        setContent(empty);
    }

    void show(ContainerInspection inspection) {
        facts.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> fact : inspection.facts().entrySet()) {
            Label name = new Label(fact.getKey());
            name.getStyleClass().add("fact-name");
            Label value = new Label(fact.getValue());
            value.getStyleClass().add("fact-value");
            facts.addRow(row++, name, value);
        }
        environment.setText(String.join("\n", inspection.environment()));
        StringBuilder text = new StringBuilder();
        inspection.labels().forEach((key, value) -> text.append(text.length() == 0 ? "" : "\n").append(key)
                .append('=').append(value));
        labels.setText(text.length() == 0 ? "(none)" : text.toString());
        json.setText(inspection.json());
        setContent(body);
    }

    void clear() {
        setContent(empty);
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("details-heading");
        return heading;
    }
}
