package dev.drpconsole.ui.connection;

import dev.drpconsole.core.drp.UntrustedCertificateException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What the trust dialog shows about a certificate the console does not trust yet. A first certificate is trusted
 * with one click; a changed one may mean someone is in the middle, so trusting it needs an extra, explicit
 * confirmation.
 */
public class TrustCertificateViewModel {
    private final UntrustedCertificateException certificate;
    private final BooleanProperty changeConfirmed = new SimpleBooleanProperty(false);
    private final BooleanBinding canTrust;

    public TrustCertificateViewModel(UntrustedCertificateException certificate) {
        this.certificate = certificate;
        this.canTrust = Bindings.createBooleanBinding(() -> isFirstUse() || changeConfirmed.get(), changeConfirmed);
    }

    public boolean isFirstUse() {
        return certificate.isFirstUse();
    }

    public String title() {
        return isFirstUse() ? "Trust this endpoint's certificate?" : "The endpoint's certificate has changed";
    }

    public String explanation() {
        return isFirstUse()
                ? "First connection to " + certificate.hostPort() + ". Its certificate is not signed by anyone "
                        + "the console knows, as usual for DRP. Compare the fingerprint with the one the endpoint's "
                        + "administrator gives you (drpcli system certs get), then trust it."
                : "The certificate of " + certificate.hostPort() + " is not the one you trusted before. That "
                        + "happens when the endpoint was reinstalled or its certificate renewed, but it is also "
                        + "what an attacker between you and the endpoint would cause. Do not continue unless you "
                        + "know why it changed.";
    }

    public String hostPort() {
        return certificate.hostPort();
    }

    public String presentedFingerprint() {
        return certificate.presentedSha256();
    }

    /** Empty on first use. */
    public String pinnedFingerprint() {
        return certificate.pinnedSha256().orElse("");
    }

    public String subject() {
        return certificate.subject() == null || certificate.subject().isBlank() ? "(none given)"
                : certificate.subject();
    }

    public String trustLabel() {
        return isFirstUse() ? "Trust" : "Trust the new certificate";
    }

    /** The "I know why it changed" checkbox. */
    public BooleanProperty changeConfirmedProperty() {
        return changeConfirmed;
    }

    public BooleanBinding canTrustProperty() {
        return canTrust;
    }

    public UntrustedCertificateException certificate() {
        return certificate;
    }
}
