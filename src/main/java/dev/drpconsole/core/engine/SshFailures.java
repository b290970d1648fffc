package dev.drpconsole.core.engine;

import dev.drpconsole.core.engine.SshConnectionException.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what went wrong from OpenSSH's error output and exit code, and says it in plain words with what to do. The
 * patterns are OpenSSH's own messages, stable for many releases: its exit code is 255 for every failure of ssh
 * itself, and otherwise the remote command's (127: command not found).
 */
final class SshFailures {

    /** ssh's exit code for its own failures, as opposed to the remote command's. */
    static final int SSH_FAILED = 255;
    /** For a failure read from the master's output while it runs on: there is no exit code. */
    static final int STILL_RUNNING = -1;

    private static final Pattern CONNECT_FAILED = Pattern.compile(
            "connect to host (\\S+) port (\\d+): (Connection refused|No route to host|Connection timed out"
                    + "|Network is unreachable|Operation timed out)");
    private static final Pattern NOT_RESOLVED = Pattern.compile("Could not resolve hostname (\\S+?):");
    private static final Pattern KEY_NOT_KNOWN = Pattern.compile(
            "No (\\S+) host key is known for (\\S+) and you have requested strict checking");
    private static final Pattern CHANGED_FINGERPRINT = Pattern.compile(
            "The fingerprint for the (\\S+) key sent by the remote host is\\s+(SHA256:[A-Za-z0-9+/=]+)");
    private static final Pattern CHANGED_HOST = Pattern.compile("Host key for (\\S+) has changed");
    private static final Pattern OFFENDING = Pattern.compile("Offending \\S+ key in (.+):\\d+");
    private static final Pattern BIND_FAILED = Pattern.compile("bind \\S+: [^\r\n]+");
    private static final int MAX_QUOTE = 300;

    private SshFailures() {
    }

    /**
     * @param stderr     what ssh (and, for dial-stdio, the remote command) wrote to its error output
     * @param exitCode   ssh's exit code, or {@link #STILL_RUNNING}
     * @param unknownKey for a host key ssh does not know: (host as in known_hosts, key type) to the exception
     *                   carrying the scanned key
     */
    static EngineUnavailableException classify(String stderr, int exitCode, EngineChoice.Ssh choice,
                                               BiFunction<String, String, SshHostKeyException> unknownKey) {
        String err = stderr == null ? "" : stderr;
        Matcher matcher;
        if (err.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")) {
            return changedHostKey(err, choice);
        }
        if ((matcher = KEY_NOT_KNOWN.matcher(err)).find()) {
            return unknownKey.apply(matcher.group(2), matcher.group(1));
        }
        if (err.contains("Permission denied (")) {
            String user = choice.user().orElse("the user ssh logs in as");
            return new SshConnectionException(Problem.KEY_REFUSED, "The ssh server at " + choice.host()
                    + " refused the key (permission denied for " + user + ")",
                    "Load your key into the agent (ssh-add ~/.ssh/id_ed25519), or name it with IdentityFile in"
                            + " ~/.ssh/config, or give a config of your own with --ssh-config FILE; the server must"
                            + " have its public key in ~" + choice.user().orElse("") + "/.ssh/authorized_keys");
        }
        if ((matcher = NOT_RESOLVED.matcher(err)).find()) {
            return new SshConnectionException(Problem.UNKNOWN_HOST_NAME, "The host name " + matcher.group(1)
                    + " is not known (ssh could not resolve it)",
                    "Check the name, or add a Host entry with its HostName to your ssh config");
        }
        if ((matcher = CONNECT_FAILED.matcher(err)).find()) {
            return new SshConnectionException(Problem.NO_SERVER, "No ssh server answers at " + matcher.group(1)
                    + ":" + matcher.group(2) + " (" + matcher.group(3).toLowerCase(Locale.ROOT) + ")",
                    "Is sshd running there and listening on that port (on the server: systemctl status ssh)?"
                            + " Check the address, the port and any firewall in between");
        }
        if (err.contains("open failed: administratively prohibited")) {
            return new SshConnectionException(Problem.FORWARDING_REFUSED, "The ssh server at " + choice.host()
                    + " does not allow forwarding the engine socket " + choice.socketPath().orElse(""),
                    "Set AllowStreamLocalForwarding yes in its sshd_config, or use the docker CLI's way:"
                            + " ssh://" + choice.destination() + " without a socket path");
        }
        if (err.contains("open failed: connect failed")) {
            return new SshConnectionException(Problem.NO_REMOTE_SOCKET, "The engine socket "
                    + choice.socketPath().orElse("") + " does not exist on " + choice.host()
                    + " (or cannot be opened there by " + choice.user().orElse("that user") + ")",
                    "Start the engine's socket there (Podman: systemctl enable --now podman.socket, rootless:"
                            + " systemctl --user enable --now podman.socket) and check its path with: podman info"
                            + " --format '{{.Host.RemoteSocket.Path}}'");
        }
        if (err.contains("Could not request local forwarding") || err.contains("Could not request remote forwarding")) {
            // ExitOnForwardFailure: the tunnel's own forwarding is a socket in its private directory, so this is
            // almost always a LocalForward (or RemoteForward) of the user's config for that host, already in use.
            Matcher bind = BIND_FAILED.matcher(err);
            return new SshConnectionException(Problem.OTHER, "ssh could not set up a forwarding for " + choice.host()
                    + " (" + (bind.find() ? bind.group().strip() : lastLine(err, "no details")) + ")",
                    "A LocalForward or RemoteForward in your ssh config for that host is probably in use by another"
                            + " ssh: remove it there, or give the console a config of its own with --ssh-config FILE");
        }
        if (exitCode == 127 || err.contains("docker: command not found") || err.contains("docker: not found")) {
            return new SshConnectionException(Problem.NO_DOCKER, "There is no docker command on " + choice.host()
                    + " for 'docker system dial-stdio'",
                    "Install the docker CLI there, or name the engine's socket instead, e.g. for Podman: ssh://"
                            + choice.destination() + "/run/podman/podman.sock");
        }
        if (exitCode != SSH_FAILED && exitCode != STILL_RUNNING && exitCode != 0) {
            return new SshConnectionException(Problem.REMOTE_ENGINE_DOWN, "The docker command on "
                    + choice.host() + " cannot reach its engine: " + lastLine(err, "exit code " + exitCode),
                    "Start the engine there (sudo systemctl start docker), or let " + choice.user().orElse("the user")
                            + " use it (sudo usermod -aG docker " + choice.user().orElse("USER") + ")");
        }
        if (err.contains("Host key verification failed")) {
            return new SshConnectionException(Problem.OTHER, "ssh did not accept the host key of " + choice.host()
                    + ": " + lastLine(err.replace("Host key verification failed.", ""), "no details"),
                    "Check the host key in a terminal: " + terminalCommand(choice));
        }
        return new SshConnectionException(Problem.OTHER, "ssh to " + choice.destination() + " failed: "
                + lastLine(err, exitCode == STILL_RUNNING ? "no details" : "exit code " + exitCode),
                "Try it in a terminal: " + terminalCommand(choice));
    }

    /** The command a user would type to try the same connection, e.g. "ssh -p 2222 root@drp1". */
    static String terminalCommand(EngineChoice.Ssh choice) {
        return "ssh" + choice.sshConfig().map(config -> " -F " + quoted(config.toString())).orElse("")
                + (choice.port() > 0 ? " -p " + choice.port() : "") + " " + choice.destination();
    }

    private static SshHostKeyException changedHostKey(String err, EngineChoice.Ssh choice) {
        Matcher fingerprint = CHANGED_FINGERPRINT.matcher(err);
        Matcher host = CHANGED_HOST.matcher(err);
        Matcher offending = OFFENDING.matcher(err);
        String knownAs = host.find() ? host.group(1)
                : choice.port() > 0 && choice.port() != 22 ? "[" + choice.host() + "]:" + choice.port() : choice.host();
        String remove = "ssh-keygen -R " + quoted(knownAs);
        if (offending.find() && !isDefaultKnownHosts(Path.of(offending.group(1).strip()))) {
            remove += " -f " + quoted(offending.group(1).strip());
        }
        boolean found = fingerprint.find();
        return SshHostKeyException.changed(knownAs, found ? fingerprint.group(1) : "a different key",
                found ? fingerprint.group(2) : null, remove);
    }

    private static boolean isDefaultKnownHosts(Path file) {
        return file.equals(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The last line with something in it, shortened: ssh's final word is its most specific. */
    static String lastLine(String text, String whenEmpty) {
        List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .toList();
        if (lines.isEmpty()) {
            return whenEmpty;
        }
        String last = lines.get(lines.size() - 1);
        return last.length() > MAX_QUOTE ? last.substring(0, MAX_QUOTE) + "…" : last;
    }
}
