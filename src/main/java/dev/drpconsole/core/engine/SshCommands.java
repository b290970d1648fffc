package dev.drpconsole.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The OpenSSH command lines of one ssh engine, always with the choice's {@code -F} config and {@code -p} port so
 * that every command reaches the host the same way. The user's own config applies otherwise (aliases, agent,
 * ProxyJump); the options set here are the few the tunnel depends on, given on the command line because it wins
 * over any config file.
 */
final class SshCommands {

    private final EngineChoice.Ssh choice;
    private final Path controlSocket;

    SshCommands(EngineChoice.Ssh choice, Path controlSocket) {
        this.choice = choice;
        this.controlSocket = controlSocket;
    }

    /**
     * The control master, in the foreground ({@code -N}, no {@code ControlPersist}) so that it is this process's
     * child. LogLevel INFO keeps what the tunnel reads even when the user's config says QUIET (a forwarded socket
     * that cannot be opened is reported at INFO); the host key is checked strictly, never accepted on the way
     * ({@link SshHostKeyException} asks the user instead).
     *
     * @param forward Podman's way: {@code localSocket:remoteSocket}, else null
     */
    List<String> master(String forward) {
        List<String> command = ssh();
        command.addAll(List.of("-M", "-S", controlSocket.toString(), "-N",
                "-o", "ControlPersist=no", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "ExitOnForwardFailure=yes", "-o", "ServerAliveInterval=10", "-o", "ServerAliveCountMax=3",
                "-o", "ConnectTimeout=10", "-o", "LogLevel=INFO"));
        if (forward != null) {
            command.addAll(List.of("-o", "StreamLocalBindUnlink=yes", "-L", forward));
        }
        return withDestination(command);
    }

    /**
     * {@code docker system dial-stdio} on the remote, multiplexed over the master (no new login). Never a master
     * itself, no terminal, and neither a RemoteCommand nor forwardings from the user's config for that host.
     */
    List<String> dialStdio() {
        List<String> command = ssh();
        command.addAll(List.of("-S", controlSocket.toString(), "-o", "ControlMaster=no", "-o", "BatchMode=yes",
                "-o", "RequestTTY=no", "-o", "RemoteCommand=none", "-o", "ClearAllForwardings=yes",
                "-o", "LogLevel=INFO"));
        withDestination(command);
        command.addAll(List.of("docker", "system", "dial-stdio"));
        return command;
    }

    /** Asks the master whether it is up; exit 0 when it is. */
    List<String> check() {
        List<String> command = ssh();
        command.addAll(List.of("-S", controlSocket.toString(), "-O", "check"));
        return withDestination(command);
    }

    /** The settings ssh would use for the destination ({@code ssh -G}), keys lower-case, first value of each. */
    Map<String, String> settings() {
        List<String> command = ssh();
        command.add("-G");
        Result result = run(withDestination(command));
        Map<String, String> settings = new TreeMap<>();
        for (String line : result.out().split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                settings.putIfAbsent(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        return settings;
    }

    /**
     * Reads the key the server shows ({@code ssh-keyscan}, of the type ssh asked for) and its fingerprint
     * ({@code ssh-keygen -lf}), for the user to compare and trust. The scan goes straight to the host name and port
     * ssh resolves ({@code ssh -G}); a host behind a jump host cannot be scanned, and the user is told to connect
     * once in a terminal instead.
     *
     * @param host    the name ssh looked the key up by, e.g. "[127.0.0.1]:2222", which known_hosts must hold
     * @param keyType as ssh named it, e.g. "ED25519"
     * @param scratch a private directory for the scanned key's file
     */
    SshHostKeyException unknownHostKey(String host, String keyType, Path scratch) {
        Map<String, String> settings = settings();
        String unscannedHint = SshFailures.terminalCommand(choice);
        Result scan = run(List.of("ssh-keyscan", "-T", "5", "-p", settings.getOrDefault("port", "22"),
                "-t", keyType.toLowerCase(Locale.ROOT), "--", settings.getOrDefault("hostname", choice.host())));
        String publicKey = scan.out().lines().filter(line -> !line.startsWith("#")).map(line -> line.split(" "))
                .filter(fields -> fields.length >= 3).map(fields -> fields[1] + " " + fields[2])
                .findFirst().orElse(null);
        if (publicKey == null) {
            return SshHostKeyException.unknownUnscanned(host, keyType,
                    SshFailures.lastLine(scan.err(), "the server showed no " + keyType + " key"), unscannedHint);
        }
        Path scanned = scratch.resolve("scanned-key");
        Result fingerprint;
        try {
            Files.writeString(scanned, host + " " + publicKey + "\n");
            fingerprint = run(List.of("ssh-keygen", "-E", "sha256", "-lf", scanned.toString()));
        } catch (IOException e) {
            fingerprint = new Result(-1, "", e.getMessage());
        }
        // "256 SHA256:… [127.0.0.1]:2222 (ED25519)"
        String[] fields = fingerprint.out().strip().split(" ");
        if (!fingerprint.succeeded() || fields.length < 3 || !fields[fields.length - 1].startsWith("(")) {
            return SshHostKeyException.unknownUnscanned(host, keyType,
                    SshFailures.lastLine(fingerprint.err(), "ssh-keygen gave no fingerprint"), unscannedHint);
        }
        String type = fields[fields.length - 1].replaceAll("[()]", "");
        return SshHostKeyException.unknown(new UnknownHostKey(host, type, fields[1], publicKey,
                knownHostsFile(settings), "yes".equals(settings.get("hashknownhosts"))));
    }

    /** The first UserKnownHostsFile: where ssh itself would add a key it accepts. */
    private static Path knownHostsFile(Map<String, String> settings) {
        String home = System.getProperty("user.home");
        String first = settings.getOrDefault("userknownhostsfile", "~/.ssh/known_hosts").split(" ")[0];
        return Path.of(first.startsWith("~/") ? home + first.substring(1) : first);
    }

    /** {@code ssh [-F config] [-p port]}. */
    private List<String> ssh() {
        List<String> command = new ArrayList<>(List.of("ssh"));
        choice.sshConfig().ifPresent(config -> command.addAll(List.of("-F", config.toString())));
        if (choice.port() > 0) {
            command.addAll(List.of("-p", Integer.toString(choice.port())));
        }
        return command;
    }

    /** After {@code --}, so that a host name can never be read as an option. */
    private List<String> withDestination(List<String> command) {
        command.addAll(List.of("--", choice.destination()));
        return command;
    }

    /** What a short command printed, and how it ended. */
    record Result(int exitCode, String out, String err) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs a short command (a check, a scan) to its end, 15 s at most. A command that cannot start or run counts as
     * failed, with the reason as its error output.
     */
    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).start();
            // Their output is a few kilobytes at most, which the pipes hold until the command has ended.
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "", command.get(0) + " did not finish within 15 s");
            }
            return new Result(process.exitValue(), text(process.getInputStream()), text(process.getErrorStream()));
        } catch (IOException e) {
            return new Result(-1, "", "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static String text(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
}
