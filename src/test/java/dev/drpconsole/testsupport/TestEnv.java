package dev.drpconsole.testsupport;

import dev.drpconsole.core.engine.EngineChoice;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code src/test/env/prepare.sh} provisioned for the tests (the real drpcli, the local base image, the
 * Docker and Podman engine addresses, an sshd on 127.0.0.1 with its keys), read from the properties file it
 * writes. Maven passes that file's path as the system property {@code test.env.file}; a test started from an IDE
 * falls back to {@code target/test-env.properties}.
 *
 * <p>A missing or incomplete file fails the test (it never skips it): tests that need the real engine must not
 * pass silently on a machine where they did not run.
 */
public final class TestEnv {

    public static final String FILE_PROPERTY = "test.env.file";
    private static final Path FALLBACK_FILE = Path.of("target", "test-env.properties");
    private static final String HOW_TO_FIX = "Run: bash src/test/env/prepare.sh target/test-env.properties"
            + " (Maven runs it before the tests)";

    private static TestEnv loaded;

    private final Path file;
    private final Properties properties;

    private TestEnv(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** The provisioned environment; fails with a how-to-fix message when prepare.sh has not run. */
    public static synchronized TestEnv get() {
        if (loaded == null) {
            loaded = read(file());
        }
        return loaded;
    }

    /** The local base image with bash, jq, curl and ca-certificates, e.g. "drpconsole/base:bookworm". */
    public String baseImage() {
        return required("base.image");
    }

    /** The engine prepare.sh made sure answers, e.g. "unix:///var/run/docker.sock". */
    public URI dockerHost() {
        return URI.create(required("docker.host"));
    }

    /**
     * The Podman engine (its Docker-API service) prepare.sh made sure answers, e.g.
     * "unix:///run/drpconsole-podman.sock", with the same base image as the Docker engine.
     */
    public URI podmanHost() {
        return URI.create(required("podman.host"));
    }

    /** The test sshd's address: "127.0.0.1". */
    public String sshHost() {
        return required("ssh.host");
    }

    /** The test sshd's port, the first free one from 2222. */
    public int sshPort() {
        return Integer.parseInt(required("ssh.port"));
    }

    /** The user the test sshd lets in with the client key: the one who ran prepare.sh, e.g. "root". */
    public String sshUser() {
        return required("ssh.user");
    }

    /**
     * An OpenSSH client config ({@code ssh -F}) for the test sshd: the client key, a known_hosts with the sshd's host
     * key, strict host key checking, batch mode.
     */
    public Path sshConfig() {
        return Path.of(required("ssh.config"));
    }

    /** The test sshd's public host key (host_ed25519.pub in ssh.dir). */
    public Path sshHostKey() {
        return Path.of(required("ssh.dir"), "host_ed25519.pub");
    }

    /** The private key the test sshd accepts (client_ed25519 in ssh.dir). */
    public Path sshClientKey() {
        return Path.of(required("ssh.dir"), "client_ed25519");
    }

    /**
     * The Podman service reached Podman's way through the test sshd: {@code ssh://USER@127.0.0.1:PORT/<podman
     * socket>}, with the test's client config ({@link #sshConfig()}).
     */
    public EngineChoice.Ssh podmanOverSsh() {
        return ((EngineChoice.Ssh) EngineChoice.parse("ssh://" + sshUser() + "@" + sshHost() + ":" + sshPort()
                + podmanHost().getPath())).withSshConfig(sshConfig());
    }

    /** The Docker engine behind a TLS port that demands a client certificate, e.g. "tcp://127.0.0.1:2376". */
    public URI dockerTlsHost() {
        return URI.create(required("docker.tls.host"));
    }

    /** The client's ca.pem, cert.pem and key.pem for {@link #dockerTlsHost()} (the DOCKER_CERT_PATH layout). */
    public Path dockerTlsCertificates() {
        return Path.of(required("docker.tls.certs"));
    }

    /** The real drpcli binary. */
    public Path drpcli() {
        return Path.of(required("drpcli"));
    }

    public String drpcliVersion() {
        return required("drpcli.version");
    }

    /** The engine's version as the docker CLI reported it, e.g. "20.10.24+dfsg1". */
    public String dockerServerVersion() {
        return required("docker.server.version");
    }

    /** GNOME Keyring's daemon, for tests that run a private Secret Service (never the user's keyring). */
    public Path keyringDaemon() {
        return Path.of(required("keyring.daemon"));
    }

    /** libsecret's secret-tool, the program the console's keyring vault runs. */
    public Path secretTool() {
        return Path.of(required("keyring.secret-tool"));
    }

    /** The D-Bus daemon, to start a private session bus. */
    public Path dbusDaemon() {
        return Path.of(required("keyring.dbus-daemon"));
    }

    /** The hint to show when the provisioned environment does not work. */
    public static String howToFix() {
        return HOW_TO_FIX;
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new AssertionError("The test environment file " + file + " has no '" + key + "'. " + HOW_TO_FIX);
        }
        return value.trim();
    }

    private static Path file() {
        String configured = System.getProperty(FILE_PROPERTY);
        return configured == null || configured.isBlank() ? FALLBACK_FILE.toAbsolutePath() : Path.of(configured);
    }

    private static TestEnv read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("The test environment is not prepared: " + file + " does not exist. " + HOW_TO_FIX);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("Cannot read the test environment file " + file + ": " + e.getMessage(), e);
        }
        return new TestEnv(file, properties);
    }
}
