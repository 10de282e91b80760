package org.bulwark.casework.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.bulwark.casework.QuarterlyFigures;
import org.bulwark.casework.QuarterlyReport;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The quarterly workbook as a download, the same for the page and the API; each download is an audited export. */
@Component
class QuarterlyDownload {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final QuarterlyFigures figures;
    private final MessageSource messages;
    private final Clock clock;

    QuarterlyDownload(QuarterlyFigures figures, MessageSource messages, Clock clock) {
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
    }

    ResponseEntity<byte[]> workbook(String region, String quarter, Locale locale) {
        QuarterlyReport report = figures.export(region, quarter);
        QuarterlyWorkbook workbook = new QuarterlyWorkbook(messages, locale, clock.getZone());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbook.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = workbook.fileName(report).replaceAll("[\\\\/:*?\"<>|]", "_");
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"quarterly-report.xlsx\"; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .body(out.toByteArray());
    }
}
