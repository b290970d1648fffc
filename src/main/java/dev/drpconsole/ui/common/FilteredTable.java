package dev.drpconsole.ui.common;

import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
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
 * A table over live rows with a filter box: every word in the box must appear in a row's visible columns (as the
 * cells show them, case-insensitive; plus any text {@link #alsoSearching} adds), the page's own conditions
 * ({@link #alsoFilteredBy}) hold too, the user's sort order holds while rows change underneath (a {@link SortedList} that
 * follows the table's sort order), and the selected row stays selected by key when a live update replaces it.
 *
 * <p>Made for thousands of rows: the rows are sorted first and filtered after, so typing in the filter box only
 * re-tests rows, never re-sorts them; each row's search text and sort values are worked out once per row object
 * (again when a row list with an extractor reports the row updated), where JavaFX's own table comparator asks
 * the cell value factory twice per comparison.
 */
public final class FilteredTable<R> {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private static final Object NO_VALUE = new Object();

    private final TableView<R> table;
    private final Function<R, String> key;
    private final TextField filter;
    /** The rows the table shows: sorted, then filtered. */
    private final FilteredList<R> shown;
    /** Each row's visible text, lower-cased, made once per row object: typing re-filters thousands of rows. */
    private final Map<R, String> searchText = new IdentityHashMap<>();
    /** Per sort column, each row's cell value (NO_VALUE for null), made once per row object. */
    private final Map<TableColumn<R, ?>, Map<R, Object>> sortValues = new HashMap<>();
    private String selectedKey;
    private String pendingReveal;
    private ObservableValue<Predicate<R>> condition = new SimpleObjectProperty<>(row -> true);
    private Function<R, String> extraText = row -> "";

    /**
     * @param rows the page's rows, kept current by its view model
     * @param key  a row's identity (a context name, a machine UUID)
     */
    public FilteredTable(TableView<R> table, ObservableList<R> rows, TextField filter, Function<R, String> key) {
        this.table = table;
        this.key = key;
        this.filter = filter;
        // Registered before the SortedList: what a change makes stale is forgotten before rows are re-sorted.
        rows.addListener((ListChangeListener<R>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::forget);
                if (change.wasUpdated()) {
                    change.getList().subList(change.getFrom(), change.getTo()).forEach(this::forget);
                }
            }
        });
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<R, ?>>) change -> searchText.clear());
        SortedList<R> sorted = new SortedList<>(rows);
        TextOrder.applyTo(table);
        // The table's comparator changes with every sort the user asks for; the SortedList then sorts, by the
        // same columns and directions but with each row's values looked up once.
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(this::order, table.comparatorProperty(),
                table.getSortOrder()));
        shown = new FilteredList<>(sorted);
        bindPredicate();
        table.setSortPolicy(sortedByTheRowsBelow -> true);
        // A table clears its sort order when given rows that are not a SortedList: the page's default order
        // (newest jobs first, containers by name) is put back.
        List<TableColumn<R, ?>> pageOrder = List.copyOf(table.getSortOrder());
        table.setItems(shown);
        table.getSortOrder().setAll(pageOrder);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedKey = key.apply(now);
            }
        });
        shown.addListener((ListChangeListener<R>) change -> {
            keepSelection();
            revealPending();
        });
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                table.requestFocus();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !shown.isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            }
        });
    }

    /** Rows must also pass {@code pageCondition} (e.g. the page's own filters), re-tested when it changes. */
    public FilteredTable<R> alsoFilteredBy(ObservableValue<Predicate<R>> pageCondition) {
        condition = pageCondition;
        bindPredicate();
        return this;
    }

    /** The filter box also finds rows by {@code text} (e.g. an id no column shows). */
    public FilteredTable<R> alsoSearching(Function<R, String> text) {
        extraText = text;
        searchText.clear();
        bindPredicate();
        return this;
    }

    /** Selects nothing, and forgets the selected row (a row that comes back is not selected again). */
    public void clearSelection() {
        selectedKey = null;
        table.getSelectionModel().clearSelection();
    }

    private void bindPredicate() {
        ObservableValue<Predicate<R>> pageCondition = condition;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            Predicate<R> page = pageCondition.getValue();
            Predicate<R> text = matching(filter.getText());
            return page == null ? text : page.and(text);
        }, filter.textProperty(), pageCondition));
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
        for (int i = 0; i < shown.size(); i++) {
            if (Objects.equals(key.apply(shown.get(i)), rowKey)) {
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

    private void forget(R row) {
        searchText.remove(row);
        sortValues.values().forEach(values -> values.remove(row));
    }

    /** The table's sort order (null for none) over cached cell values. */
    private Comparator<R> order() {
        if (table.getSortOrder().isEmpty()) {
            return null;
        }
        List<TableColumn<R, ?>> columns = List.copyOf(table.getSortOrder());
        return (a, b) -> {
            for (TableColumn<R, ?> column : columns) {
                @SuppressWarnings("unchecked")
                Comparator<Object> byColumn = (Comparator<Object>) column.getComparator();
                int order = byColumn.compare(sortValue(column, a), sortValue(column, b));
                if (order != 0) {
                    return column.getSortType() == TableColumn.SortType.DESCENDING ? -order : order;
                }
            }
            return 0;
        };
    }

    private Object sortValue(TableColumn<R, ?> column, R row) {
        Object value = sortValues.computeIfAbsent(column, c -> new IdentityHashMap<>()).computeIfAbsent(row, r -> {
            var observable = column.getCellObservableValue(r);
            return observable == null || observable.getValue() == null ? NO_VALUE : observable.getValue();
        });
        return value == NO_VALUE ? null : value;
    }

    private Predicate<R> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return row -> true;
        }
        List<String> words = List.of(needle.split("\\s+"));
        return row -> {
            String searched = searchText.computeIfAbsent(row, this::visibleText);
            return words.stream().allMatch(searched::contains);
        };
    }

    private String visibleText(R row) {
        StringBuilder text = new StringBuilder(extraText.apply(row)).append('\n');
        table.getVisibleLeafColumns().forEach(column -> text.append(cellText(column, row)).append('\n'));
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static <R> String cellText(TableColumn<R, ?> column, R row) {
        var value = column.getCellObservableValue(row);
        return value == null || value.getValue() == null ? "" : value.getValue().toString();
    }
}
