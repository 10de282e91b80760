package org.bulwark.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The file the audit chain's head is anchored in: one line per head ({@code at=… count=… last=… hash=…}), only ever
 * appended to (opened for appending, flushed to disk before the check returns), never rewritten. Only its last line
 * is read, from the end, so the file may grow for years.
 */
final class AnchorFile {

    private static final int TAIL_BYTES = 4096;

    private final Path path;

    AnchorFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    /** The head last written, empty when nothing was; a last line that does not parse is an error, not absence. */
    Optional<ChainHead> last() {
        if (!exists()) {
            return Optional.empty();
        }
        String[] lines = tail().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return Optional.of(parse(lines[i]));
            }
        }
        return Optional.empty();
    }

    void append(ChainHead head) {
        String line = "at=%s count=%d last=%d hash=%s%n"
                .formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), head.count(), head.lastId(), head.hash());
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the audit anchor " + path, e);
        }
    }

    private String tail() {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit anchor " + path, e);
        }
    }

    static ChainHead parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String field : line.trim().split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        try {
            return new ChainHead(
                    Long.parseLong(fields.get("count")), Long.parseLong(fields.get("last")), fields.get("hash"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The audit anchor's last line is damaged: " + line, e);
        }
    }
}
