package org.bulwark.platform.read;

import java.util.Locale;
import java.util.Objects;

/** Thrown when an uploaded file as a whole cannot be read; says why in Chinese, with what to fix. */
public class FileRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a file is rejected. */
    public enum Reason {
        /** larger than the limit, or expanding beyond the limits when unzipped */
        TOO_LARGE,
        /** no bytes, no header, no rows */
        EMPTY,
        /** not the format it claims, or broken inside */
        MALFORMED;

        /** The stable code, e.g. {@code too_large}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    /** Creates the exception with a message that tells the sender what to fix. */
    public FileRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Creates the exception without a cause. */
    public FileRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** Why the file was rejected. */
    public Reason reason() {
        return reason;
    }

    /** The stable code of the reason: {@code too_large}, {@code empty} or {@code malformed}. */
    public String code() {
        return reason.code();
    }

    static FileRejectedException tooLarge(long maxBytes) {
        return new FileRejectedException(Reason.TOO_LARGE, "文件超过了 " + describeBytes(maxBytes) + "的上限；请拆分后上传");
    }

    static String describeBytes(long bytes) {
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB（%d 字节）", bytes / (double) (1L << 20), bytes);
        }
        return bytes + " 字节";
    }
}
