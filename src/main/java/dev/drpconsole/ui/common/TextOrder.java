package dev.drpconsole.ui.common;

import java.util.Comparator;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

/**
 * The sort order for table columns: text case-insensitively, other values by their natural order. JavaFX's
 * default compares text with a locale {@link java.text.Collator}, whose normalisation made sorting 10,000 rows
 * take most of a second each time the rows changed.
 */
public final class TextOrder implements Comparator<Object> {
    private static final TextOrder INSTANCE = new TextOrder();

    private TextOrder() {
    }

    /** Gives every column of {@code table} still on JavaFX's default comparator this order, now and later. */
    public static void applyTo(TableView<?> table) {
        table.getColumns().forEach(TextOrder::applyTo);
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(TextOrder::applyTo);
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void applyTo(TableColumn<?, ?> column) {
        if (column.getComparator() == TableColumnBase.DEFAULT_COMPARATOR) {
            ((TableColumn) column).setComparator(INSTANCE);
        }
        column.getColumns().forEach(TextOrder::applyTo);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String first && b instanceof String second) {
            return String.CASE_INSENSITIVE_ORDER.compare(first, second);
        }
        if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
            return comparable.compareTo(b);
        }
        return String.CASE_INSENSITIVE_ORDER.compare(a.toString(), b.toString());
    }
}
