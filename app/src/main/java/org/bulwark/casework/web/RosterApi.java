package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.bulwark.casework.RosterExport;
import org.bulwark.casework.RosterFile;
import org.bulwark.casework.RosterImport;
import org.bulwark.casework.RosterPreview;
import org.bulwark.casework.RosterRead;
import org.bulwark.casework.RosterTemplate;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the county's monitoring roster: preview what a file would do, commit it, download the template, export
 * the region's roster in the template. County and township users, within their region.
 */
@ApiController("/api/v1/casework/roster")
@Tag(name = "Casework")
class RosterApi {

    static final String TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RosterImport roster;
    private final RosterExport exports;

    RosterApi(RosterImport roster, RosterExport exports) {
        this.roster = roster;
        this.exports = exports;
    }

    @Operation(
            summary = "Export a county's (or your part of it) monitoring roster in the import's template, one row per "
                    + "monitoring period, .xlsx or .csv (UTF-8 with BOM); imported back unchanged it changes nothing")
    @GetMapping("/export.{format:xlsx|csv}")
    void rosterExport(@PathVariable String format, @RequestParam String county, HttpServletResponse response)
            throws IOException {
        export(exports, format, county, response);
    }

    /** Writes an export as an attachment named in Chinese; shared with the page. */
    static void export(RosterExport exports, String format, String county, HttpServletResponse response)
            throws IOException {
        // written to memory first: a refusal must answer as an error, not as half a file
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        exports.export(county, RosterExport.Format.of(format), file);
        String code = county.strip();
        response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8" : TEMPLATE_TYPE);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"roster-" + code + "." + format + "\"; filename*=UTF-8''"
                        + URLEncoder.encode("监测对象名单-导出-" + code + "." + format, StandardCharsets.UTF_8));
        file.writeTo(response.getOutputStream());
    }

    @Operation(summary = "What a monitoring roster file would do per household; stores nothing")
    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RosterPreview rosterPreview(@RequestParam("file") MultipartFile file) throws IOException {
        return roster.preview(read(file));
    }

    @Operation(summary = "Import a monitoring roster file: every accepted household in one transaction")
    @PostMapping(path = "/commit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RosterPreview rosterCommit(@RequestParam("file") MultipartFile file) throws IOException {
        return roster.commit(read(file));
    }

    @Operation(summary = "The roster's .xlsx template with Chinese headers and how to fill it")
    @GetMapping("/template.xlsx")
    void rosterTemplate(HttpServletResponse response) throws IOException {
        response.setContentType(TEMPLATE_TYPE);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode("监测对象名单模板.xlsx", StandardCharsets.UTF_8));
        RosterTemplate.write(response.getOutputStream());
    }

    static RosterRead read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "required", "文件：请选择要导入的名单文件");
        }
        try (InputStream in = file.getInputStream()) {
            return RosterFile.read(in, file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        }
    }
}
