package dev.drpconsole;

import dev.drpconsole.ui.theme.Theme;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;

/**
 * Uses the second core while the JavaFX toolkit starts on the first: loads and initialises what the first
 * frame needs but that does not need the toolkit (the theme's parsed stylesheet classes, the shell's
 * controls, Jackson for the endpoint list). Nothing here is required; a failure only costs the time it would save.
 */
final class StartupWarmup {
    private static final List<String> FIRST_FRAME_CLASSES_NO_INIT = List.of(
            "dev.drpconsole.ui.shell.ShellView",
            "dev.drpconsole.ui.shell.ShellViewModel",
            "dev.drpconsole.ui.shell.ConnectionIndicator",
            "dev.drpconsole.ui.common.EmptyState",
            "javafx.scene.control.ListView",
            "javafx.scene.control.skin.ListViewSkin",
            "javafx.scene.control.skin.VirtualFlow",
            "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.control.skin.LabeledSkinBase",
            "javafx.scene.control.skin.ButtonSkin",
            "javafx.scene.control.skin.HyperlinkSkin",
            "javafx.scene.control.skin.SeparatorSkin",
            "javafx.scene.control.skin.ScrollBarSkin",
            "javafx.scene.control.Tooltip",
            "javafx.scene.layout.BorderPane",
            "javafx.scene.shape.Circle",
            "javafx.scene.image.ImageView",
            "javafx.scene.shape.SVGPath",
            "dev.drpconsole.ui.common.Icon",
            "dev.drpconsole.ui.connection.EndpointSwitcher",
            "dev.drpconsole.ui.connection.EndpointSwitcherViewModel",
            "dev.drpconsole.core.connection.DrpConnections",
            "javafx.scene.control.MenuButton",
            "javafx.scene.control.skin.MenuButtonSkin",
            "javafx.scene.control.skin.MenuButtonSkinBase");

    private StartupWarmup() {
    }

    static void startInBackground() {
        Thread thread = new Thread(StartupWarmup::run, "startup-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            ClassLoader loader = StartupWarmup.class.getClassLoader();
            javafx.css.Stylesheet.loadBinary(new URL(Theme.LIGHT.binaryStylesheet()));
            new CssParser().parse(new URL(Theme.CONSOLE_CSS));
            // The endpoint list and certificate pins are read with Jackson while the window is built.
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"warm\":[1]}");
            for (String name : FIRST_FRAME_CLASSES_NO_INIT) {
                Class.forName(name, false, loader);
            }
        } catch (Exception | LinkageError e) {
            // Only a head start was lost; the FX thread loads the same things itself.
        }
    }
}
