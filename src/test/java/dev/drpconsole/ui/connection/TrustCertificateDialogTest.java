package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.UntrustedCertificateException;
import dev.drpconsole.ui.theme.Theme;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

@Tag("display")
class TrustCertificateDialogTest extends FxRobot {
    private static final String OLD = "11:22:33:44";
    private static final String NEW = "AB:CD:EF:01";

    private final List<Boolean> decisions = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void firstUseShowsTheFingerprintAndSubjectAndTrustsWithOneClick() throws Exception {
        show(new UntrustedCertificateException("drp.lab:8092", NEW, null, "CN=drp.lab"));
        assertEquals(NEW, ((TextArea) lookup("#trust-fingerprint").query()).getText());
        assertEquals("CN=drp.lab", ((Label) lookup("#trust-subject").query()).getText());
        assertTrue(lookup("#trust-pinned-fingerprint").tryQuery().isEmpty());
        clickOn("#trust-accept");
        assertEquals(List.of(true), decisions);
    }

    @Test
    void aChangedCertificateShowsBothAndNeedsAnExplicitConfirmation() throws Exception {
        show(new UntrustedCertificateException("drp.lab:8092", NEW, OLD, "CN=drp.lab"));
        assertEquals(OLD, ((TextArea) lookup("#trust-pinned-fingerprint").query()).getText());
        assertEquals(NEW, ((TextArea) lookup("#trust-fingerprint").query()).getText());
        assertEquals("Trust the new certificate", ((javafx.scene.control.Button) lookup("#trust-accept").query())
                .getText());
        assertTrue(lookup("#trust-accept").query().isDisabled());

        type(KeyCode.ENTER);
        assertEquals(List.of(false), decisions, "Enter cancels on a changed certificate");
    }

    @Test
    void confirmingTheChangeEnablesTrust() throws Exception {
        show(new UntrustedCertificateException("drp.lab:8092", NEW, OLD, "CN=drp.lab"));
        clickOn("#trust-confirm-change");
        assertFalse(lookup("#trust-accept").query().isDisabled());
        clickOn("#trust-accept");
        assertEquals(List.of(true), decisions);
    }

    @Test
    void longFingerprintsAreShownInTwoLinesOf16Bytes() {
        String sha256 = "A3:7F:19:C4:2E:88:B1:05:6D:F2:94:3A:C7:10:5B:E9:28:4D:71:AC:0F:B6:53:9E:E2:17:84:CD:36:A0:5F:92";
        assertEquals("A3:7F:19:C4:2E:88:B1:05:6D:F2:94:3A:C7:10:5B:E9\n28:4D:71:AC:0F:B6:53:9E:E2:17:84:CD:36:A0:5F:92",
                TrustCertificateDialog.inTwoLines(sha256));
    }

    private void show(UntrustedCertificateException certificate) throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
        });
        FxToolkit.setupFixture(() -> new TrustCertificateDialog(new TrustCertificateViewModel(certificate))
                .show(owner, decisions::add));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
