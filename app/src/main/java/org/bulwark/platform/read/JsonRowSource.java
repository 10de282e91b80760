package org.bulwark.platform.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.platform.read.FileRejectedException.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * The rows of a JSON upload, either {@code {"rows": [{...}, ...]}} (other top-level properties are ignored) or a bare
 * array of objects. Each object is one row of scalar values: strings as written, numbers as plain decimals (never
 * with an exponent), booleans as {@code true}/{@code false}, null as an empty cell. Streamed with Jackson's parser,
 * one object at a time.
 */
public final class JsonRowSource implements RowSource {

    // a key given twice in one object would silently lose one of its values
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonParser parser;
    private final boolean wrapped;
    private final List<String> header;
    private final Iterator<Row> rows = new RowIterator(this::readRow);
    private Row first;
    private long position;

    private JsonRowSource(JsonParser parser, boolean wrapped) {
        this.parser = parser;
        this.wrapped = wrapped;
        this.first = readObject();
        if (first == null) {
            throw new FileRejectedException(Reason.EMPTY, "文件中没有数据行：数组是空的");
        }
        this.header = List.copyOf(first.cells().keySet());
    }

    /**
     * Opens a JSON upload, reading its first object (whose keys are the header).
     *
     * @param in       the upload; closed when the source is closed, or here when opening fails
     * @param maxBytes the largest accepted file
     * @throws FileRejectedException {@code empty} without rows, {@code too_large} beyond {@code maxBytes},
     *                               {@code malformed} when it is not JSON of one of the two shapes
     */
    public static JsonRowSource open(InputStream in, long maxBytes) throws IOException {
        SizeLimitedInputStream limited = new SizeLimitedInputStream(in, maxBytes);
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(ObjectReadContext.empty(), limited);
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new FileRejectedException(Reason.EMPTY, "文件是空的");
            }
            boolean wrapped = token == JsonToken.START_OBJECT;
            if (wrapped) {
                seekRows(parser);
            } else if (token != JsonToken.START_ARRAY) {
                throw malformed("文件应为对象数组，或 {\"rows\": [...]} 的形式", parser);
            }
            return new JsonRowSource(parser, wrapped);
        } catch (JacksonException e) {
            close(parser, limited);
            throw rejection(e);
        } catch (RuntimeException e) {
            close(parser, limited);
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<Row> rows() {
        return rows;
    }

    @Override
    public void close() {
        parser.close();
    }

    private Row readRow() {
        if (first != null) {
            Row row = first;
            first = null;
            return row;
        }
        return readObject();
    }

    /** The next object of the array, or null after the last (having checked that nothing but the wrapper follows). */
    private Row readObject() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                checkEnd();
                return null;
            }
            position++;
            if (token != JsonToken.START_OBJECT) {
                throw malformed("第 " + position + " 个数据行不是对象", parser);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                cells.put(name, scalar(parser.nextToken(), name));
            }
            return new Row(position, cells);
        } catch (JacksonException e) {
            throw rejection(e);
        }
    }

    private String scalar(JsonToken token, String name) {
        if (token == null) {
            throw malformed("文件在第 " + position + " 个数据行中间就结束了", parser);
        }
        return switch (token) {
            case VALUE_STRING -> parser.getString().strip();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                parser.getDecimalValue().toPlainString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "";
            default ->
                throw malformed("第 " + position + " 个数据行：\"" + name + "\" 的值不是单个值（应为文本、数字、true/false 或 null）", parser);
        };
    }

    private void checkEnd() {
        if (wrapped) {
            // the rest of the wrapper: properties after "rows" are skipped like those before it
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token == null) {
                    throw malformed("文件在 \"rows\" 外层对象中间就结束了", parser);
                }
                parser.nextToken();
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw malformed("数据行结束后还有多余的内容", parser);
        }
    }

    /** Moves past the wrapper's properties up to the start of the "rows" array. */
    private static void seekRows(JsonParser parser) {
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if ("rows".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw malformed("\"rows\" 应为对象数组", parser);
                }
                return;
            }
            parser.skipChildren();
        }
        throw malformed("对象中没有 \"rows\" 数组", parser);
    }

    private static FileRejectedException malformed(String problem, JsonParser parser) {
        return new FileRejectedException(Reason.MALFORMED, problem + where(parser.currentLocation()));
    }

    private static RuntimeException rejection(JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileRejectedException rejected) {
                return rejected;
            }
        }
        // Jackson says what is wrong in English only; of its reasons, a key given twice is one a sender can act on
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate")) {
            return new FileRejectedException(
                    Reason.MALFORMED, "同一个对象中有重复的键" + where(e.getLocation()) + "，每个键只能出现一次", e);
        }
        return new FileRejectedException(Reason.MALFORMED, "文件不是有效的 JSON" + where(e.getLocation()) + "，请检查引号、逗号和括号", e);
    }

    private static String where(TokenStreamLocation location) {
        return location == null ? "" : "（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列附近）";
    }

    private static void close(JsonParser parser, InputStream in) throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }
}
