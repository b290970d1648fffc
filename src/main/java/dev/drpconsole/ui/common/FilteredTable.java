package dev.drpconsole.ui.common;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

/**
 * A table over live rows with a filter box: the filter matches a substring of any visible column (as the cells
 * show it, case-insensitive), the user's sort order holds while rows change underneath (a {@link SortedList} bound
 * to the table's comparator), and the selected row stays selected by key when a live update replaces it.
 */
public final class FilteredTable<R> {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final TableView<R> table;
    private final Function<R, String> key;
    private final SortedList<R> sorted;
    /** Each row's visible text, lower-cased, made once per row object: typing re-filters thousands of rows. */
    private final Map<R, String> searchText = new IdentityHashMap<>();
    private String selectedKey;
    private String pendingReveal;

    /**
     * @param rows the page's rows, kept current by its view model
     * @param key  a row's identity (a context name, a machine UUID)
     */
    public FilteredTable(TableView<R> table, ObservableList<R> rows, TextField filter, Function<R, String> key) {
        this.table = table;
        this.key = key;
        rows.addListener((ListChangeListener<R>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(searchText::remove);
            }
        });
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<R, ?>>) change -> searchText.clear());
        FilteredList<R> filtered = new FilteredList<>(rows);
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(filter.getText()),
                filter.textProperty()));
        sorted = new SortedList<>(filtered);
        TextOrder.applyTo(table);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedKey = key.apply(now);
            }
        });
        sorted.addListener((ListChangeListener<R>) change -> {
            keepSelection();
            revealPending();
        });
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                table.requestFocus();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !sorted.isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            }
        });
    }

    /** Ctrl+F anywhere on {@code page} focuses the filter box. */
    public static void focusOnFind(Node page, TextField filter) {
        page.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                filter.requestFocus();
                filter.selectAll();
                event.consume();
            }
        });
    }

    /** Selects the row with this key and focuses the table, now or as soon as the row is listed. */
    public void reveal(String rowKey) {
        pendingReveal = rowKey;
        revealPending();
    }

    /** Enter and a double click on a row run {@code open}; Delete runs {@code delete}. */
    public void onRowActions(Runnable open, Runnable delete) {
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                open.run();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                delete.run();
                event.consume();
            }
        });
        table.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                open.run();
            }
        });
    }

    /** Selects and shows the row with this key; false when no visible row has it. */
    public boolean select(String rowKey) {
        for (int i = 0; i < sorted.size(); i++) {
            if (Objects.equals(key.apply(sorted.get(i)), rowKey)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return true;
            }
        }
        return false;
    }

    private void revealPending() {
        if (pendingReveal != null && select(pendingReveal)) {
            pendingReveal = null;
            table.requestFocus();
        }
    }

    private void keepSelection() {
        if (table.getSelectionModel().getSelectedItem() == null && selectedKey != null) {
            select(selectedKey);
        }
    }

    private Predicate<R> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return row -> true;
        }
        return row -> searchText.computeIfAbsent(row, this::visibleText).contains(needle);
    }

    private String visibleText(R row) {
        StringBuilder text = new StringBuilder();
        table.getVisibleLeafColumns().forEach(column -> text.append(cellText(column, row)).append('\n'));
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static <R> String cellText(TableColumn<R, ?> column, R row) {
        var value = column.getCellObservableValue(row);
        return value == null || value.getValue() == null ? "" : value.getValue().toString();
    }
}
