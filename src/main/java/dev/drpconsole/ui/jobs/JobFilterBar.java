package dev.drpconsole.ui.jobs;

import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/**
 * The Jobs filters: free text ({@code #jobs-filter}), and combo boxes for state, machine, task, context and time
 * ({@code #jobs-filter-state}, {@code -machine}, {@code -task}, {@code -context}, {@code -time}), plus
 * {@code #jobs-filter-reset}. An empty choice means "any".
 */
final class JobFilterBar extends FlowPane {
    private final JobsViewModel viewModel;
    private final TextField text = new TextField();
    private final List<ComboBox<String>> choices = new ArrayList<>();
    private final ComboBox<TimeWindow> time = new ComboBox<>();

    JobFilterBar(JobsViewModel viewModel) {
        super(8, 6);
        this.viewModel = viewModel;
        getStyleClass().add("page-toolbar");
        setAlignment(Pos.CENTER_LEFT);
        text.setId("jobs-filter");
        text.setPromptText("Filter (Ctrl+F)");
        text.setPrefColumnCount(8);
        ComboBox<String> state = choice("state", "State", "Any state", viewModel.stateFilterProperty(),
                observable(JobsViewModel.STATES), Function.identity());
        ComboBox<String> machine = choice("machine", "Machine", "Any machine", viewModel.machineFilterProperty(),
                viewModel.machineChoices(), viewModel::machineLabel);
        ComboBox<String> task = choice("task", "Task", "Any task", viewModel.taskFilterProperty(),
                viewModel.taskChoices(), Function.identity());
        ComboBox<String> context = choice("context", "Context", "Any context", viewModel.contextFilterProperty(),
                viewModel.contextChoices(), Function.identity());
        time.setId("jobs-filter-time");
        time.setPrefWidth(116);
        time.getItems().setAll(TimeWindow.values());
        time.valueProperty().bindBidirectional(viewModel.timeFilterProperty());
        Button reset = new Button(null, Icon.CLOSE.node(14));
        reset.setId("jobs-filter-reset");
        reset.getStyleClass().addAll("flat", "button-icon");
        LazyTooltip.install(reset, () -> "Clear every filter");
        reset.setOnAction(e -> reset());
        getChildren().addAll(text, state, machine, task, context, time, reset);
    }

    /** The free-text filter, which the page's table applies to what its columns show. */
    TextField text() {
        return text;
    }

    /** Every filter back to "any", so every listed job shows. */
    void reset() {
        text.clear();
        choices.forEach(combo -> combo.setValue(""));
        time.setValue(TimeWindow.ALL);
    }

    /**
     * @param name what is filtered, shown while it is not ("State"): short, so all the filters fit one row at
     *             1024 px; the list says "Any state", and the tooltip names the choice whole
     */
    private ComboBox<String> choice(String id, String name, String any, StringProperty filter,
            ObservableList<String> values, Function<String, String> label) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId("jobs-filter-" + id);
        combo.setPrefWidth(108);
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(value == null || value.isEmpty() ? name : label.apply(value));
            }
        });
        LazyTooltip.install(combo, () -> name + ": " + (combo.getValue() == null || combo.getValue().isEmpty()
                ? "any" : label.apply(combo.getValue())));
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? any : label.apply(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        fill(combo, values);
        values.addListener((ListChangeListener<String>) change -> fill(combo, values));
        combo.setValue(filter.get());
        combo.valueProperty().addListener((obs, old, now) -> filter.set(now == null ? "" : now));
        choices.add(combo);
        return combo;
    }

    /** The choices with "any" first; the chosen value survives new choices arriving. */
    private static void fill(ComboBox<String> combo, List<String> values) {
        String chosen = combo.getValue();
        List<String> items = new ArrayList<>();
        items.add("");
        items.addAll(values);
        combo.getItems().setAll(items);
        combo.setValue(chosen);
    }

    private static ObservableList<String> observable(List<String> values) {
        return FXCollections.observableArrayList(values);
    }
}
