package org.bulwark.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.bulwark.platform.read.CsvRowSource;
import org.bulwark.platform.read.JsonRowSource;
import org.bulwark.platform.read.RowSource;
import org.bulwark.platform.read.XlsxRowSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Opens an uploaded file with the reader of its format, within the configured size limit. */
@Component
class BatchSources {

    private final long maxBytes;

    BatchSources(@Value("${bulwark.exchange.max-file-bytes:2147483648}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    RowSource open(ImportRequest request) throws IOException {
        InputStream in = Files.newInputStream(request.file());
        try {
            return switch (request.format()) {
                case CSV -> CsvRowSource.open(in, maxBytes);
                case XLSX -> XlsxRowSource.open(in, maxBytes);
                case JSON -> JsonRowSource.open(in, maxBytes);
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
