package org.bulwark.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded server's superuser password: generated once, kept in {@value #FILE_NAME} inside the data folder,
 * readable by the owner only (0600). A fresh folder cannot hold it before {@code initdb} (which wants an empty
 * folder), so until the server has been created it waits beside the folder, in {@code <folder>.password}, and is moved
 * in afterwards; a start interrupted in between finds it there.
 */
final class DatabasePassword {

    static final String FILE_NAME = "bulwark-password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabasePassword() {}

    /** The password of the server in {@code dataDirectory}: the stored one, else a new one stored beside it. */
    static String obtain(Path dataDirectory) throws IOException {
        Optional<String> kept = read(inside(dataDirectory)).or(() -> read(pending(dataDirectory)));
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        writeOwnerOnly(pending(dataDirectory), password);
        return password;
    }

    /** True when the password of the server in {@code dataDirectory} is stored (inside, or still beside it). */
    static boolean isKept(Path dataDirectory) {
        return read(inside(dataDirectory))
                .or(() -> read(pending(dataDirectory)))
                .isPresent();
    }

    /** Where {@code initdb --pwfile} reads the password of a folder not yet created. */
    static Path pending(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    /** Moves the password into the data folder, once the server exists there. */
    static void keepInside(Path dataDirectory, String password) throws IOException {
        Path target = inside(dataDirectory);
        if (!read(target).filter(password::equals).isPresent()) {
            Path pending = pending(dataDirectory);
            if (!Files.exists(pending)) {
                writeOwnerOnly(pending, password);
            }
            Files.move(pending, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(pending(dataDirectory));
    }

    private static Path inside(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file)
                    ? Optional.of(Files.readString(file).trim()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the database password in " + file, e);
        }
    }

    private static void writeOwnerOnly(Path file, String password) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // created with 0600 from the start: never readable by others, not even for a moment
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n");
    }
}
