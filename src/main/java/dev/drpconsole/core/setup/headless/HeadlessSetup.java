package dev.drpconsole.core.setup.headless;

import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.RunnerEngines;
import dev.drpconsole.core.connection.EndpointUrl;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.drp.CertificatePins;
import dev.drpconsole.core.drp.DrpAuthException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.drp.UntrustedCertificateException;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.core.setup.CreatedObject;
import dev.drpconsole.core.setup.SetupJournal;
import dev.drpconsole.core.setup.SetupProblem;
import dev.drpconsole.core.setup.SetupTargets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code drp-context-console setup}: the wizard's plan without a window, for scripting a first-time setup. Signs in
 * (trusting only a pinned or given certificate), finds this machine's engine, then runs the steps the journal does
 * not have as done, printing each step's progress and its "by hand" commands; or, with {@code --clean-up}, removes
 * what the journal recorded. The journal and certificate pins are the console's own, so the wizard and this command
 * continue each other's work.
 */
public final class HeadlessSetup {
    static final int OK = 0;
    static final int STEP_FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int NOT_CONNECTED = 3;
    /** Recorded in the journal: a clean-up or a re-run against another endpoint would touch the wrong objects. */
    static final String ENDPOINT_VALUE = "endpoint.url";
    /** 32 hex pairs, with or without colons, as browsers, openssl and the sandbox print them. */
    private static final Pattern SHA256_HEX = Pattern.compile(
            "(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}(?![0-9A-Fa-f])");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path home;

    HeadlessSetup(PrintStream out, PrintStream err, Map<String, String> env, Path home) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.home = home;
    }

    /** Runs the command; returns the process exit status. */
    public static int run(List<String> arguments, PrintStream out, PrintStream err) {
        return new HeadlessSetup(out, err, System.getenv(), Path.of(System.getProperty("user.home")))
                .execute(arguments);
    }

    int execute(List<String> arguments) {
        HeadlessArguments args;
        try {
            args = HeadlessArguments.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(HeadlessArguments.USAGE);
            return BAD_ARGUMENTS;
        }
        if (args.help()) {
            out.println(HeadlessArguments.USAGE);
            return OK;
        }
        Path settingsDir = args.settingsDir().orElseGet(() -> Settings.defaultDirectory(env));
        SetupJournal journal = SetupJournal.load(settingsDir);
        DrpEndpoint endpoint;
        try {
            endpoint = endpoint(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_ARGUMENTS;
        }
        String url = endpoint.firstUrl();
        Optional<String> journalEndpoint = journal.value(ENDPOINT_VALUE);
        if (journalEndpoint.isPresent() && !journalEndpoint.get().equals(url) && !journal.created().isEmpty()) {
            err.println("The setup journal in " + settingsDir + " belongs to " + journalEndpoint.get() + ", not " + url
                    + ". Clean up there first (" + HeadlessRun.invocation() + " setup --clean-up --endpoint " + journalEndpoint.get()
                    + "), or use another --settings folder.");
            return BAD_ARGUMENTS;
        }
        Optional<DrpClient> signedIn = signIn(endpoint, args, settingsDir);
        if (signedIn.isEmpty()) {
            return NOT_CONNECTED;
        }
        EngineChoice runnerChoice = args.runnerEngine().orElseGet(() -> RunnerEngines.byDefault(url));
        try (DrpClient client = signedIn.get(); ContainerEngine engine = engine(client, endpoint);
             EngineHandle runners = EngineHandle.of(runnerChoice)) {
            if (engine == null || !runnerEngineAnswers(runners, runnerChoice, args.runnerEngine().isPresent())) {
                return NOT_CONNECTED;
            }
            Map<String, String> labels = new HashMap<>(args.labels());
            labels.put(SetupTargets.LABEL, "true");
            SetupTargets targets = new SetupTargets(client, engine, runners::get, labels);
            if (args.cleanUp()) {
                return cleanUp(journal, targets, settingsDir);
            }
            journal.putValue(ENDPOINT_VALUE, url);
            return new HeadlessRun(out, err, args, journal, targets, settingsDir.resolve("setup-work"),
                    endpoint.credentials().username()).run();
        }
    }

    /** The endpoint from the options, else from drpcli's settings; http:// only when the user insists. */
    private DrpEndpoint endpoint(HeadlessArguments args) {
        Optional<DrpcliSettings> drpcli = DrpcliSettings.read(env, home);
        String url = args.option("--endpoint")
                .or(() -> drpcli.map(settings -> settings.endpoints().get(0)))
                .orElseThrow(() -> new IllegalArgumentException("No endpoint: give --endpoint https://host:8092"
                        + " (or set RS_ENDPOINT)."));
        EndpointUrl parsed = EndpointUrl.parse(url);
        if ("http".equals(parsed.scheme()) && !args.allowPlainHttp()) {
            throw new IllegalArgumentException(url + " is plain http: the password and the token would cross the"
                    + " network unencrypted. DRP serves HTTPS on port " + EndpointUrl.DRP_PORT + ": use https://"
                    + parsed.host() + ":" + EndpointUrl.DRP_PORT + ", or add --allow-plain-http if you must.");
        }
        String username = args.option("--username").orElse(drpcli.map(DrpcliSettings::username)
                .orElse("rocketskates"));
        DrpCredentials credentials;
        if (args.option("--token").isPresent()) {
            credentials = new DrpCredentials.Token(username, args.option("--token").get());
        } else if (args.option("--password").isPresent()) {
            credentials = new DrpCredentials.Password(username, args.option("--password").get());
        } else if (drpcli.isPresent()) {
            credentials = drpcli.get().credentials();
        } else {
            throw new IllegalArgumentException("No credentials: give --username and --password (or --token, or set"
                    + " RS_KEY=user:password or RS_TOKEN).");
        }
        return new DrpEndpoint(List.of(parsed.toString()), credentials, args.insecure());
    }

    private Optional<DrpClient> signIn(DrpEndpoint endpoint, HeadlessArguments args, Path settingsDir) {
        FileCertificatePins saved = FileCertificatePins.load(settingsDir);
        Optional<String> given = args.option("--fingerprint").map(HeadlessSetup::normalizedFingerprint);
        CertificatePins pins = given.<CertificatePins>map(fingerprint -> new CertificatePins() {
            @Override
            public Optional<String> pinned(String hostPort) {
                return Optional.of(fingerprint);
            }

            @Override
            public void pin(String hostPort, String sha256) {
                saved.pin(hostPort, sha256);
            }
        }).orElse(saved);
        if (endpoint.insecure()) {
            err.println("Warning: --insecure skips the certificate check of " + endpoint.firstUrl()
                    + "; anyone in between could read the password and the token.");
        }
        try {
            DrpClient client = OkHttpDrpClient.connect(endpoint, pins);
            given.ifPresent(fingerprint -> saved.pin(EndpointUrl.parse(endpoint.firstUrl()).hostPort(), fingerprint));
            return Optional.of(client);
        } catch (UntrustedCertificateException e) {
            if (given.isPresent()) {
                err.println("The certificate of " + e.hostPort() + " is SHA-256 " + e.presentedSha256()
                        + ", not the --fingerprint " + given.get() + " you gave. Nothing was changed.");
            } else if (e.isFirstUse()) {
                err.println("The certificate of " + e.hostPort() + " is not trusted yet."
                        + "\n  SHA-256 " + e.presentedSha256() + "\n  subject " + e.subject()
                        + "\nIf that is your endpoint's certificate (compare it on the endpoint), run again with"
                        + "\n  --fingerprint " + e.presentedSha256());
            } else {
                err.println("The certificate of " + e.hostPort() + " changed: it was SHA-256 "
                        + e.pinnedSha256().orElse("") + ", now " + e.presentedSha256() + ". Refused: if the endpoint"
                        + " got a new certificate, check it there and run again with --fingerprint "
                        + e.presentedSha256());
            }
        } catch (DrpAuthException e) {
            err.println("Signing in to " + endpoint.firstUrl() + " as " + endpoint.credentials().username()
                    + " failed: " + e.getMessage() + " Check the user name and password (or token).");
        } catch (DrpException e) {
            err.println("Cannot connect to " + endpoint.firstUrl() + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** "sha256:aa bb…", "aabb…" or "AA:BB:…" → "AA:BB:…", as certificates are pinned. */
    static String normalizedFingerprint(String text) {
        Matcher found = SHA256_HEX.matcher(text.replaceAll("(?i)sha-?256", " "));
        String hex = found.find() ? found.group().replace(":", "").toUpperCase(Locale.ROOT) : "";
        if (hex.length() != 64) {
            throw new IllegalArgumentException("--fingerprint needs the 64 hex digits of a SHA-256, got " + text);
        }
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            pairs.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return pairs.toString();
    }

    /** This machine's engine (where the image is built); null, and said, when none answers. */
    private ContainerEngine engine(DrpClient client, DrpEndpoint endpoint) {
        try {
            out.println("Endpoint: " + client.url() + " (DRP " + client.info().version() + "), signed in as "
                    + endpoint.credentials().username());
        } catch (DrpException e) {
            err.println("Cannot read " + client.url() + "/api/v3/info: " + e.getMessage());
            return null;
        }
        try {
            DockerEngine engine = DockerEngine.locate();
            EngineInfo info = engine.info();
            out.println("Engine:   " + info.product().displayName() + " " + info.version() + " at " + engine.endpoint()
                    + " (builds the runner image)");
            return engine;
        } catch (EngineException e) {
            err.println("No container engine answers: " + e.getMessage()
                    + " Start Docker or Podman (or set DOCKER_HOST), then run setup again.");
            return null;
        }
    }

    /** Says which engine runs the runners (or that none is watched); false when the one named does not answer. */
    private boolean runnerEngineAnswers(EngineHandle runners, EngineChoice choice, boolean named) {
        try {
            EngineInfo info = runners.get().info();
            out.println("Runners:  " + info.product().displayName() + " " + info.version() + " at "
                    + runners.get().endpoint().source() + " (runs the runner containers)");
            return true;
        } catch (NoEngineException none) {
            out.println("Runners:  not watched (" + (named ? "--runner-engine none" : "the endpoint is on another"
                    + " machine") + "): the test job proves the runner. To watch drp-runner-<uuid> start, give"
                    + " --runner-engine ssh://root@<the DRP host>.");
            return true;
        } catch (EngineException e) {
            String reason = e instanceof EngineUnavailableException unavailable
                    ? unavailable.reason() + ". " + unavailable.fixHint() : e.getMessage();
            err.println("The runner engine " + choice.text() + " does not answer: " + reason);
            return false;
        }
    }

    private int cleanUp(SetupJournal journal, SetupTargets targets, Path settingsDir) {
        List<CreatedObject> created = journal.created();
        if (created.isEmpty()) {
            out.println("Nothing to clean up: the journal in " + settingsDir + " records nothing created.");
            journal.cleanUp(targets);
            return OK;
        }
        out.println("Removing what setup created, newest first:");
        try {
            journal.cleanUp(object -> {
                out.println("  - " + HeadlessRun.describe(journal, object));
                targets.remove(object);
            });
        } catch (SetupProblem e) {
            err.println("Clean-up stopped: " + e.getMessage() + " " + e.fix());
            return STEP_FAILED;
        } catch (RuntimeException e) {
            err.println("Clean-up stopped: " + e.getMessage() + " Run setup --clean-up again to go on.");
            return STEP_FAILED;
        }
        out.println("Cleaned up: removed " + created.size() + " things setup created.");
        return OK;
    }
}
