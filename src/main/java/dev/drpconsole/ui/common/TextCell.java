package dev.drpconsole.ui.common;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * A table cell showing its value as text with a style class picked from the value ("cell-ok", "cell-bad"...), and
 * the full text as tooltip for values wider than the column.
 */
public class TextCell<R, V> extends TableCell<R, V> {
    private final Function<V, String> styleOf;
    /** The style class this cell carries now, or null: changing style classes makes JavaFX re-match CSS. */
    private String appliedStyle;
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
        boolean none = empty || value == null;
        setText(none ? null : value.toString());
        tooltipText = none ? "" : tooltipFor(value);
        applyStyle(none ? null : styleOf.apply(value));
    }

    /** Swaps the style class only when it changes: cells are reused for every row scrolled by. */
    private void applyStyle(String style) {
        if (Objects.equals(style, appliedStyle)) {
            return;
        }
        if (appliedStyle != null) {
            getStyleClass().remove(appliedStyle);
        }
        if (style != null) {
            getStyleClass().add(style);
        }
        appliedStyle = style;
    }
}
