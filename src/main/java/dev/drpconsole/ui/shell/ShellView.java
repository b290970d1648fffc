package dev.drpconsole.ui.shell;

import dev.drpconsole.ui.common.EmptyState;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.theme.Theme;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: sidebar of sections, the section shown, and the status bar.
 * Built in code rather than FXML: it is the first thing on screen and FXML loading would add
 * to every start-up (see the start-up benchmark).
 */
public class ShellView extends BorderPane implements Navigator {
    private final ShellViewModel viewModel;
    private final Function<Section, SectionPage> features;
    private final Node endpointSwitcher;
    private final Map<Section, SectionPage> featurePages = new EnumMap<>(Section.class);
    private SectionPage shownPage;
    private final ListView<Section> sidebar = new ListView<>();
    private final Label sectionTitle = new Label();
    private final StackPane content = new StackPane();
    private final Map<Section, Node> pages = new EnumMap<>(Section.class);
    private final Button themeButton = new Button();
    private static final double NARROW_BELOW = 1140;
    private static final double SHORT_BELOW = 720;
    private static final PseudoClass NARROW = PseudoClass.getPseudoClass("narrow");
    private static final PseudoClass SHORT = PseudoClass.getPseudoClass("short");
    private final BooleanProperty narrow = new SimpleBooleanProperty(false);

    /**
     * @param features builds a section's page on its first visit; null for a section without one yet (it then
     *                 shows an empty state saying what the section is for)
     * @param endpointSwitcher picks the DRP endpoint; shown under the brand
     */
    public ShellView(ShellViewModel viewModel, Function<Section, SectionPage> features, Node endpointSwitcher) {
        this.viewModel = viewModel;
        this.features = features;
        this.endpointSwitcher = endpointSwitcher;
        getStyleClass().add("shell");
        // A 1024×640 window: a slimmer sidebar (shortcuts in tooltips) and a lower header leave the page room.
        widthProperty().addListener(obs -> narrow.set(getWidth() > 0 && getWidth() < NARROW_BELOW));
        narrow.addListener((obs, old, now) -> pseudoClassStateChanged(NARROW, now));
        heightProperty().addListener(obs -> pseudoClassStateChanged(SHORT, getHeight() > 0
                && getHeight() < SHORT_BELOW));
        setLeft(buildSidebar());
        setCenter(buildMain());
        setBottom(buildStatusBar());
        showSection(viewModel.sectionProperty().get());
        viewModel.sectionProperty().addListener((obs, old, now) -> showSection(now));
        viewModel.themeProperty().addListener((obs, old, now) -> showThemeButton(now));
        showThemeButton(viewModel.themeProperty().get());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts();
            }
        });
    }

    private Node buildSidebar() {
        Label brand = new Label("DRP Context Console");
        brand.getStyleClass().add("brand");
        ImageView logo = new ImageView(new Image(
                ShellView.class.getResource("/dev/drpconsole/ui/theme/icon-64.png").toExternalForm(), 26, 26, true, true,
                true));
        brand.setGraphic(logo);

        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar-list");
        sidebar.getItems().setAll(Section.values());
        sidebar.setCellFactory(list -> new SectionCell(narrow));
        sidebar.getSelectionModel().select(viewModel.sectionProperty().get());
        sidebar.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.sectionProperty().set(now);
            }
        });
        VBox.setVgrow(sidebar, Priority.ALWAYS);

        Label endpointTitle = new Label("ENDPOINT");
        endpointTitle.getStyleClass().add("sidebar-caption");
        VBox endpoint = new VBox(4, endpointTitle, endpointSwitcher);
        endpoint.getStyleClass().add("sidebar-endpoint");
        if (endpointSwitcher instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
        }
        VBox box = new VBox(brand, endpoint, sidebar);
        box.getStyleClass().add("sidebar");
        return box;
    }

    private Node buildMain() {
        sectionTitle.setId("section-title");
        sectionTitle.getStyleClass().add("section-title");
        HBox header = new HBox(sectionTitle);
        header.getStyleClass().add("section-header");
        header.setAlignment(Pos.CENTER_LEFT);

        content.setId("section-content");
        content.getStyleClass().add("section-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        ConnectionBanner engineBanner = new ConnectionBanner("engine-banner", viewModel.engineStateProperty(),
                viewModel::retryEngine);
        return new VBox(header, engineBanner, content);
    }

    private Node buildStatusBar() {
        ConnectionIndicator drp = new ConnectionIndicator("drp-status", Icon.LAN_CONNECT,
                viewModel.drpStateProperty(), viewModel::retryDrp);
        ConnectionIndicator engine = new ConnectionIndicator("engine-status", Icon.DOCKER,
                viewModel.engineStateProperty(), viewModel::retryEngine);
        ConnectionIndicator runners = new ConnectionIndicator("runner-engine-status", Icon.DOCKER,
                viewModel.runnerEngineStateProperty(), viewModel::retryRunnerEngine);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().addAll("flat", "button-icon");
        themeButton.setOnAction(e -> viewModel.toggleTheme());
        LazyTooltip.install(themeButton, () -> (viewModel.themeProperty().get() == Theme.DARK ? "Light" : "Dark")
                + " theme (Ctrl+Shift+T)");

        HBox bar = new HBox(drp, new Separator(javafx.geometry.Orientation.VERTICAL), engine,
                new Separator(javafx.geometry.Orientation.VERTICAL), runners, spacer, themeButton);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void showSection(Section section) {
        sectionTitle.setText(section.title());
        if (shownPage != null) {
            shownPage.hidden();
        }
        shownPage = featurePage(section);
        content.getChildren().setAll(shownPage != null ? shownPage.node()
                : pages.computeIfAbsent(section, this::emptyState));
        if (shownPage != null) {
            shownPage.shown();
        }
        if (sidebar.getSelectionModel().getSelectedItem() != section) {
            sidebar.getSelectionModel().select(section);
        }
    }

    private SectionPage featurePage(Section section) {
        if (!featurePages.containsKey(section)) {
            featurePages.put(section, features.apply(section));
        }
        return featurePages.get(section);
    }

    @Override
    public void show(String sectionId, String key) {
        Section section = Section.byId(sectionId);
        viewModel.sectionProperty().set(section);
        SectionPage page = featurePage(section);
        if (page != null) {
            page.reveal(key);
        }
    }

    /** Tells the shown page it is going away (the window closes). */
    public void close() {
        if (shownPage != null) {
            shownPage.hidden();
            shownPage = null;
        }
    }

    /** Until a section has its feature view, its page says what the section is for. */
    private Node emptyState(Section section) {
        EmptyState empty = new EmptyState(section.icon(), section.emptyTitle(), section.emptyText());
        empty.setId("section-" + section.id());
        return empty;
    }

    private void showThemeButton(Theme theme) {
        boolean dark = theme == Theme.DARK;
        themeButton.setGraphic((dark ? Icon.WHITE_BALANCE_SUNNY : Icon.WEATHER_NIGHT).node(16));
    }

    private void installShortcuts() {
        var accelerators = getScene().getAccelerators();
        for (Section section : Section.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + section.shortcutDigit());
            accelerators.put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> {
                        viewModel.sectionProperty().set(section);
                        sidebar.requestFocus();
                    });
        }
        accelerators.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                viewModel::toggleTheme);
        if (endpointSwitcher instanceof javafx.scene.control.MenuButton menu) {
            // Quick switch between endpoints from anywhere.
            accelerators.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), menu::show);
        }
    }

    /** Icon, title and shortcut of a section. */
    private static final class SectionCell extends ListCell<Section> {
        private final BooleanProperty narrow;

        SectionCell(BooleanProperty narrow) {
            this.narrow = narrow;
        }

        @Override
        protected void updateItem(Section section, boolean empty) {
            super.updateItem(section, empty);
            if (empty || section == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            setId("nav-" + section.id());
            Label shortcut = new Label("Ctrl+" + section.shortcutDigit());
            shortcut.getStyleClass().add("nav-shortcut");
            shortcut.visibleProperty().bind(narrow.not());
            shortcut.managedProperty().bind(narrow.not());
            LazyTooltip.install(this, () -> getItem() == null ? "" : getItem().title() + " (Ctrl+"
                    + getItem().shortcutDigit() + ")");
            Label title = new Label(section.title(), section.icon().node(18));
            title.getStyleClass().add("nav-title");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(title, spacer, shortcut);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
