package dev.drpconsole.sandbox.files;

import dev.drpconsole.sandbox.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A tree of uploaded files under one directory of the data dir (the files API's {@code files/}, and
 * {@code isos/}). Uploads stream into {@code .<name>.part} and are renamed into place, so readers never see half a
 * file (a part left by a killed sandbox is removed when the store opens again); a second upload to a path that is
 * still being written is refused. SHA-256 sums are cached per file version, because runner image tars are large and
 * HEAD asks for the sum often.
 */
public final class BlobStore {

    private final String model;
    private final Path root;
    private final Set<Path> uploading = ConcurrentHashMap.newKeySet();
    private final Map<Path, CachedSum> sums = new ConcurrentHashMap<>();

    private record CachedSum(long size, long modified, String sha256) {
    }

    /** What an upload stored. */
    public record Stored(String path, long size, String sha256) {
    }

    /**
     * @param model the API prefix ("files" or "isos"), used in error replies
     */
    public BlobStore(String model, Path root) {
        this.model = model;
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            removeLeftoverParts();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + this.root, e);
        }
    }

    /**
     * No upload runs before the store opens, so a part file found now is what a sandbox killed mid-upload left: half a
     * file nobody will finish, which would also keep its folder from ever being removed.
     */
    private void removeLeftoverParts() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".part") && Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The file a relative API path names; 400 for paths that climb out of the store. */
    public Path resolve(String relative) {
        Path resolved = root.resolve(relative.startsWith("/") ? relative.substring(1) : relative).normalize();
        if (!resolved.startsWith(root)) {
            throw ApiException.badRequest("GET", model, relative, "Path outside the store: " + relative);
        }
        return resolved;
    }

    public Stored store(String relative, InputStream content) {
        Path target = resolve(relative);
        if (target.equals(root)) {
            throw ApiException.badRequest("POST", model, relative, "No file name");
        }
        if (!uploading.add(target)) {
            throw new ApiException(409, "POST", model, relative, "File already uploading");
        }
        try {
            ensureDirectory(target.getParent(), relative);
            if (Files.isDirectory(target)) {
                throw new ApiException(409, "POST", model, relative, relative + " is a directory");
            }
            Path part = target.resolveSibling("." + target.getFileName() + ".part");
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = new DigestInputStream(content, digest);
                 OutputStream out = Files.newOutputStream(part)) {
                size = in.transferTo(out);
            } catch (IOException aborted) {
                // A dropped upload must not leave its hidden part behind: the directory could never be removed.
                Files.deleteIfExists(part);
                throw aborted;
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String sum = HexFormat.of().formatHex(digest.digest());
            sums.put(target, new CachedSum(size, Files.getLastModifiedTime(target).toMillis(), sum));
            return new Stored(relative, size, sum);
        } catch (IOException e) {
            throw new ApiException(507, "POST", model, relative, "Cannot store " + relative + ": " + e.getMessage());
        } finally {
            uploading.remove(target);
        }
    }

    private void ensureDirectory(Path directory, String relative) {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new ApiException(409, "POST", model, relative, "Failed to ensure final directory for "
                    + relative + " exists");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isFile(String relative) {
        Path file = resolve(relative);
        return Files.isRegularFile(file) && !uploading.contains(file);
    }

    public Optional<Path> file(String relative) {
        return isFile(relative) ? Optional.of(resolve(relative)) : Optional.empty();
    }

    /** The hex SHA-256 of a stored file. */
    public String sha256(String relative) {
        Path file = resolve(relative);
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            CachedSum cached = sums.get(file);
            if (cached != null && cached.size() == size && cached.modified() == modified) {
                return cached.sha256();
            }
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String sum = HexFormat.of().formatHex(digest.digest());
            sums.put(file, new CachedSum(size, modified, sum));
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names in a directory, directories with a trailing '/'; with {@code recursive}, paths below it. */
    public List<String> list(String directory, boolean recursive) {
        Path folder = resolve(directory);
        if (!Files.isDirectory(folder)) {
            throw new ApiException(404, "GET", model, directory, "Not a directory");
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = recursive ? Files.walk(folder).skip(1) : Files.list(folder)) {
            entries.filter(entry -> !entry.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .forEach(entry -> names.add(folder.relativize(entry).toString()
                            + (Files.isDirectory(entry) ? "/" : "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Deletes a file or an empty directory; 404 "Unable to delete" otherwise. */
    public void delete(String relative) {
        Path target = resolve(relative);
        try {
            if (target.equals(root) || !Files.deleteIfExists(target)) {
                throw new ApiException(404, "DELETE", model, relative, "Unable to delete " + relative);
            }
            sums.remove(target);
        } catch (NoSuchFileException e) {
            throw new ApiException(404, "DELETE", model, relative, "Unable to delete " + relative);
        } catch (IOException e) {
            throw new ApiException(404, "DELETE", model, relative, "Unable to delete " + relative + ": "
                    + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
