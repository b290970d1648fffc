package dev.drpconsole.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * A table cell showing its value as text with a style class picked from the value ("cell-ok", "cell-bad"...), and
 * the full text as tooltip for values wider than the column.
 */
public class TextCell<R, V> extends TableCell<R, V> {
    private static final java.util.List<String> STATES = java.util.List.of("cell-ok", "cell-bad", "cell-warn",
            "cell-muted");
    private final Function<V, String> styleOf;
    private String tooltipText = "";

    /** @param styleOf the style class for a value, or null for none */
    public TextCell(Function<V, String> styleOf) {
        this.styleOf = styleOf;
        LazyTooltip.install(this, () -> tooltipText);
    }

    /**
     * A text column ({@code #id}) of {@code value}s, styled by {@code style} (the style class for a value, or null).
     */
    public static <R> TableColumn<R, String> column(String title, String id, double width, Function<R, String> value,
            Function<String, String> style) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextCell<>(style == null ? text -> null : style));
        return column;
    }

    /** The tooltip for a value: the value itself, for texts cut off by a narrow column. */
    protected String tooltipFor(V value) {
        return value.toString();
    }

    @Override
    protected void updateItem(V value, boolean empty) {
        super.updateItem(value, empty);
        getStyleClass().removeAll(STATES);
        if (empty || value == null) {
            setText(null);
            tooltipText = "";
            return;
        }
        setText(value.toString());
        tooltipText = tooltipFor(value);
        String style = styleOf.apply(value);
        if (style != null) {
            getStyleClass().add(style);
        }
    }
}
