package dev.drpconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The table's order as the user sets it: by the sort column, either direction, through the filter box, and kept
 * when a row's value changes in place or a row is replaced (the sort values are worked out once per row, so these
 * are the cases a stale value would get wrong).
 */
@Tag("display")
class FilteredTableTest extends FxRobot {
    private final ObservableList<Item> rows = FXCollections.observableArrayList(Item::observables);
    private TableView<Item> table;
    private TextField filter;

    /** A row with one value that can change in place (like a job's state) and one that cannot. */
    record Item(String key, StringProperty state) {
        Item(String key, String state) {
            this(key, new SimpleStringProperty(state));
        }

        Observable[] observables() {
            return new Observable[] {state};
        }
    }

    @BeforeEach
    void show() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            table = new TableView<>();
            TableColumn<Item, String> key = TextCell.column("Key", "key", 100, Item::key, null);
            TableColumn<Item, String> state = new TableColumn<>("State");
            state.setCellValueFactory(cell -> cell.getValue().state());
            table.getColumns().setAll(List.of(key, state));
            filter = new TextField();
            new FilteredTable<>(table, rows, filter, Item::key);
            rows.setAll(new Item("b", "running"), new Item("C", "failed"), new Item("a", "finished"));
            table.getSortOrder().add(key);
            stage.setScene(new Scene(new VBox(filter, table), 400, 300));
            stage.show();
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void sortsByTheSortColumnCaseInsensitivelyEitherWay() {
        assertEquals(List.of("a", "b", "C"), keys());
        interact(() -> table.getColumns().get(0).setSortType(TableColumn.SortType.DESCENDING));
        assertEquals(List.of("C", "b", "a"), keys());
    }

    @Test
    void keepsTheOrderThroughTheFilterAndAddedRows() {
        interact(() -> filter.setText("FIN"));
        assertEquals(List.of("a"), keys(), "finished");
        interact(() -> {
            filter.setText("");
            rows.add(new Item("B2", "queued"));
        });
        assertEquals(List.of("a", "b", "B2", "C"), keys());
    }

    @Test
    void aValueChangedInPlaceOrARowReplacedIsSortedByItsNewValue() {
        interact(() -> table.getSortOrder().setAll(table.getColumns().get(1)));
        assertEquals(List.of("C", "a", "b"), keys(), "failed, finished, running");
        interact(() -> rows.get(0).state().set("aborted")); // b: running -> aborted
        assertEquals(List.of("b", "C", "a"), keys());
        interact(() -> rows.set(1, new Item("C", "zombie")));
        assertEquals(List.of("b", "a", "C"), keys());
        interact(() -> filter.setText("zombie"));
        assertEquals(List.of("C"), keys(), "the filter sees the new value too");
    }

    @Test
    void aSortOrderTheTableHadBeforeHolds() throws TimeoutException {
        FxToolkit.setupStage(stage -> {
            TableView<Item> sortedFirst = new TableView<>();
            TableColumn<Item, String> key = TextCell.column("Key", "key", 100, Item::key, null);
            key.setSortType(TableColumn.SortType.DESCENDING);
            sortedFirst.getColumns().setAll(List.of(key));
            sortedFirst.getSortOrder().add(key);
            new FilteredTable<>(sortedFirst, rows, new TextField(), Item::key);
            table = sortedFirst;
            stage.setScene(new Scene(new VBox(sortedFirst), 400, 300));
        });
        assertEquals(List.of("Key"), table.getSortOrder().stream().map(TableColumn::getText).toList(),
                "a table given other rows than a SortedList forgets its sort order: it is put back");
        assertEquals(List.of("C", "b", "a"), keys(), "newest first, as the page asked");
        assertEquals(TableColumn.SortType.DESCENDING, table.getSortOrder().get(0).getSortType());
    }

    private List<String> keys() {
        return table.getItems().stream().map(Item::key).toList();
    }
}
