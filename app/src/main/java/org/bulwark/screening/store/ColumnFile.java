package org.bulwark.screening.store;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file of whole columns: arrays of primitives written and read in bulk through a direct buffer, and short
 * length-prefixed UTF-8 texts. Little-endian, so the files read the same on any machine. A file is written under a
 * temporary name and moved into place when complete, so a reader never sees half a file.
 */
final class ColumnFile {

    private static final int BUFFER = 8 << 20;

    private ColumnFile() {}

    /** Writes a column file. */
    static final class Writer implements Closeable {
        private final Path target;
        private final Path partial;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private boolean complete;

        Writer(Path target) throws IOException {
            this.target = target;
            this.partial = target.resolveSibling(target.getFileName() + ".partial");
            this.channel = FileChannel.open(
                    partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        Writer putInt(int value) throws IOException {
            room(4);
            buffer.putInt(value);
            return this;
        }

        Writer putLong(long value) throws IOException {
            room(8);
            buffer.putLong(value);
            return this;
        }

        Writer putText(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            for (int at = 0; at < bytes.length; ) {
                room(1);
                int n = Math.min(buffer.remaining(), bytes.length - at);
                buffer.put(bytes, at, n);
                at += n;
            }
            return this;
        }

        Writer putInts(int[] values, int count) throws IOException {
            for (int at = 0; at < count; ) {
                room(4);
                int n = Math.min(buffer.remaining() / 4, count - at);
                buffer.asIntBuffer().put(values, at, n);
                buffer.position(buffer.position() + n * 4);
                at += n;
            }
            return this;
        }

        Writer putLongs(long[] values, int count) throws IOException {
            for (int at = 0; at < count; ) {
                room(8);
                int n = Math.min(buffer.remaining() / 8, count - at);
                buffer.asLongBuffer().put(values, at, n);
                buffer.position(buffer.position() + n * 8);
                at += n;
            }
            return this;
        }

        Writer putDoubles(double[] values, int count) throws IOException {
            for (int at = 0; at < count; ) {
                room(8);
                int n = Math.min(buffer.remaining() / 8, count - at);
                buffer.asDoubleBuffer().put(values, at, n);
                buffer.position(buffer.position() + n * 8);
                at += n;
            }
            return this;
        }

        Writer putBytes(byte[] values, int count) throws IOException {
            for (int at = 0; at < count; ) {
                room(1);
                int n = Math.min(buffer.remaining(), count - at);
                buffer.put(values, at, n);
                at += n;
            }
            return this;
        }

        /** Marks the file complete: on close it replaces the target. */
        void commit() {
            complete = true;
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                flush();
            }
            if (complete) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Reads a column file in the order it was written. */
    static final class Reader implements Closeable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

        Reader(Path file) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer.limit(0);
        }

        int getInt() throws IOException {
            need(4);
            return buffer.getInt();
        }

        long getLong() throws IOException {
            need(8);
            return buffer.getLong();
        }

        String getText() throws IOException {
            byte[] bytes = new byte[getInt()];
            getBytes(bytes, bytes.length);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        int[] getInts(int[] into, int count) throws IOException {
            for (int at = 0; at < count; ) {
                need(4);
                int n = Math.min(buffer.remaining() / 4, count - at);
                buffer.asIntBuffer().get(into, at, n);
                buffer.position(buffer.position() + n * 4);
                at += n;
            }
            return into;
        }

        long[] getLongs(long[] into, int count) throws IOException {
            for (int at = 0; at < count; ) {
                need(8);
                int n = Math.min(buffer.remaining() / 8, count - at);
                buffer.asLongBuffer().get(into, at, n);
                buffer.position(buffer.position() + n * 8);
                at += n;
            }
            return into;
        }

        double[] getDoubles(double[] into, int count) throws IOException {
            for (int at = 0; at < count; ) {
                need(8);
                int n = Math.min(buffer.remaining() / 8, count - at);
                buffer.asDoubleBuffer().get(into, at, n);
                buffer.position(buffer.position() + n * 8);
                at += n;
            }
            return into;
        }

        byte[] getBytes(byte[] into, int count) throws IOException {
            for (int at = 0; at < count; ) {
                need(1);
                int n = Math.min(buffer.remaining(), count - at);
                buffer.get(into, at, n);
                at += n;
            }
            return into;
        }

        /** Makes at least {@code bytes} bytes (at most 8) available, reading more of the file when needed. */
        private void need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    throw new EOFException("the column file ends early");
                }
            }
            // fill the rest too, so bulk reads move large blocks
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading
            }
            buffer.flip();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
