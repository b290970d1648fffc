package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.UntrustedCertificateException;
import org.junit.jupiter.api.Test;

/** A first certificate is trusted with one click; a changed one only after the user says they know why. */
class TrustCertificateViewModelTest {
    @Test
    void aFirstCertificateIsOneClickAway() {
        TrustCertificateViewModel trust = new TrustCertificateViewModel(
                new UntrustedCertificateException("lab.test:8092", "AB:CD", null, ""));

        assertEquals("Trust this endpoint's certificate?", trust.title());
        assertEquals("Trust", trust.trustLabel());
        assertEquals("", trust.pinnedFingerprint());
        assertEquals("(none given)", trust.subject());
        assertTrue(trust.canTrustProperty().get());
    }

    @Test
    void aChangedCertificateNeedsTheUserToSayTheyKnowWhy() {
        TrustCertificateViewModel trust = new TrustCertificateViewModel(
                new UntrustedCertificateException("lab.test:8092", "AB:CD", "12:34", "CN=lab"));

        assertEquals("The endpoint's certificate has changed", trust.title());
        assertTrue(trust.explanation().contains("what an attacker between you and the endpoint would cause"));
        assertEquals("12:34", trust.pinnedFingerprint());
        assertEquals("AB:CD", trust.presentedFingerprint());
        assertFalse(trust.canTrustProperty().get());

        trust.changeConfirmedProperty().set(true);

        assertTrue(trust.canTrustProperty().get());
        assertEquals("Trust the new certificate", trust.trustLabel());
    }
}
