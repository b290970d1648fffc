package dev.drpconsole.core.setup.headless;

import dev.drpconsole.core.engine.EngineChoice;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code drp-context-console setup}. Options not given are empty: the journal of an earlier run,
 * drpcli's own settings ({@code RS_*}, {@code ~/.drpclirc}) and the wizard's defaults fill them in, in that order.
 */
public record HeadlessArguments(Map<String, String> options, boolean cleanUp, boolean insecure,
                                boolean allowPlainHttp, boolean replaceContext, boolean help,
                                Map<String, String> labels) {

    public static final String USAGE = """
            usage: drp-context-console setup [options]         set up a Docker context end to end, no window
                   drp-context-console setup --clean-up [...]  remove what setup (or the wizard) created

            Endpoint (default: RS_ENDPOINT / RS_KEY / RS_TOKEN, then ~/.drpclirc, as drpcli reads them):
              --endpoint URL        https://host:8092
              --username U          default rocketskates
              --password P          signs in for a token; the password is never stored (or RS_KEY=user:password)
              --token T             a token instead of a password (or RS_TOKEN)
              --fingerprint SHA256  trust the endpoint's certificate with this SHA-256 fingerprint (then pinned,
                                    as the console's "Trust"); without it only a certificate pinned before is
                                    trusted, and an unknown one is refused with its fingerprint printed
              --insecure            skip certificate checks (not for production)
              --allow-plain-http    send the password over an http:// address (refused without it)
            What to set up:
              --base-image IMAGE    a local image of this machine's engine (required on a first run)
              --packages "a b"      extra packages installed in the image (default "bash jq")
              --dockerfile FILE     use this Dockerfile instead of the generated one (must COPY drpcli)
              --tag TAG             the runner image (default drp-context/runner:latest)
              --drpcli PATH         the Linux drpcli copied into the image (default: drpcli on PATH, else the
                                    endpoint's files/drpcli.<arch>.linux)
              --context NAME        the context (default runner)
              --description TEXT    the context's description
              --replace-context     replace an existing context of that name that has other settings
              --runner NAME         the runner machine (default context-runner)
              --test-machine NAME   the test job's machine (default context-test)
              --publish MODE        auto (default: upload unless the runner engine holds this very image or the
                                    endpoint has the same file), always, or never (the image is there already)
            Where the endpoint's docker-context plugin runs its runner containers (watched by the runner step):
              --runner-engine E     local (this machine's engine), none (DRP API access only: the test job proves
                                    the runner), context:NAME (a docker CLI context), ssh://user@host[:port] (the
                                    remote docker, by `docker system dial-stdio`), ssh://user@host[:port]/path/to/
                                    podman.sock (a remote socket, forwarded), tcp://host:port, unix:///path.sock;
                                    default: local for an endpoint on this machine, else none
              --ssh-config FILE     an OpenSSH client config for ssh:// (ssh -F FILE: a key or port of its own;
                                    OpenSSH reads the passwd home's ~/.ssh, not $HOME)
              --tls-certs DIR       ca.pem, cert.pem and key.pem for a tcp:// engine (the DOCKER_CERT_PATH layout)
              --label KEY=VALUE     an extra label on what is built on the engine (repeatable)
            Where:
              --settings DIR        the console's settings folder (journal, certificate pins); default
                                    $XDG_CONFIG_HOME/drp-context-console
              --clean-up            remove exactly what the journal recorded, newest first

            Exit status: 0 done, 1 a step failed (its problem is printed), 2 bad arguments,
            3 cannot connect or the certificate is not trusted.""";

    private static final List<String> VALUED = List.of("--endpoint", "--username", "--password", "--token",
            "--fingerprint", "--base-image", "--packages", "--dockerfile", "--tag", "--drpcli", "--context",
            "--description", "--runner", "--test-machine", "--publish", "--settings", "--runner-engine",
            "--ssh-config", "--tls-certs");

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * @throws IllegalArgumentException with a message for the user when the arguments are wrong
     */
    public static HeadlessArguments parse(List<String> arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        boolean cleanUp = false;
        boolean insecure = false;
        boolean allowHttp = false;
        boolean replace = false;
        boolean help = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String inline = null;
            if (argument.startsWith("--") && argument.contains("=")) {
                inline = argument.substring(argument.indexOf('=') + 1);
                argument = argument.substring(0, argument.indexOf('='));
            }
            if (VALUED.contains(argument) || "--label".equals(argument)) {
                String value = inline != null ? inline : valueAfter(arguments, i++);
                if ("--label".equals(argument)) {
                    String[] pair = value.split("=", 2);
                    if (pair.length != 2 || pair[0].isBlank()) {
                        throw new IllegalArgumentException("--label needs KEY=VALUE, got " + value);
                    }
                    labels.put(pair[0], pair[1]);
                } else {
                    options.put(argument, value);
                }
                continue;
            }
            switch (argument) {
                case "--clean-up" -> cleanUp = true;
                case "--insecure" -> insecure = true;
                case "--allow-plain-http" -> allowHttp = true;
                case "--replace-context" -> replace = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument " + argument);
            }
        }
        String publish = options.getOrDefault("--publish", "auto");
        if (!List.of("auto", "always", "never").contains(publish)) {
            throw new IllegalArgumentException("--publish is auto, always or never, not " + publish);
        }
        HeadlessArguments parsed = new HeadlessArguments(Map.copyOf(options), cleanUp, insecure, allowHttp, replace,
                help, Map.copyOf(labels));
        parsed.runnerEngine(); // refuses a bad --runner-engine now, with the other argument errors
        return parsed;
    }

    /**
     * The runner engine the user named, with its ssh config or TLS certificates; empty when not given.
     *
     * @throws IllegalArgumentException when it is none of the forms, or an option does not fit it
     */
    public Optional<EngineChoice> runnerEngine() {
        Optional<String> text = option("--runner-engine");
        if (text.isEmpty()) {
            if (options.containsKey("--ssh-config") || options.containsKey("--tls-certs")) {
                throw new IllegalArgumentException("--ssh-config and --tls-certs go with --runner-engine");
            }
            return Optional.empty();
        }
        EngineChoice choice;
        try {
            choice = EngineChoice.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--runner-engine: " + e.getMessage());
        }
        Optional<Path> sshConfig = option("--ssh-config").map(Path::of);
        Optional<Path> certificates = option("--tls-certs").map(Path::of);
        if (sshConfig.isPresent()) {
            if (!(choice instanceof EngineChoice.Ssh ssh)) {
                throw new IllegalArgumentException("--ssh-config is for an ssh:// runner engine");
            }
            choice = ssh.withSshConfig(sshConfig.get());
        }
        if (certificates.isPresent()) {
            if (!(choice instanceof EngineChoice.Tcp tcp)) {
                throw new IllegalArgumentException("--tls-certs is for a tcp:// runner engine");
            }
            choice = tcp.withCertificates(certificates.get());
        }
        return Optional.of(choice);
    }

    public Optional<Path> settingsDir() {
        return option("--settings").map(Path::of);
    }

    public String publish() {
        return options.getOrDefault("--publish", "auto");
    }

    private static String valueAfter(List<String> arguments, int index) {
        if (index + 1 >= arguments.size() || arguments.get(index + 1).startsWith("--")) {
            throw new IllegalArgumentException(arguments.get(index) + " needs a value");
        }
        return arguments.get(index + 1);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(options);
        shown.computeIfPresent("--password", (key, value) -> "****");
        shown.computeIfPresent("--token", (key, value) -> "****");
        return "HeadlessArguments" + shown;
    }
}
