package org.bulwark.onboarding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.onboarding.ImportPreview;
import org.bulwark.onboarding.RegistryExports;
import org.bulwark.onboarding.RegistryImports;
import org.bulwark.platform.read.FileRejectedException;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the registry import: post a file for a preview (nothing is stored; the answer has the preview's id),
 * then commit the preview. The commit matches the file again against the registry as it is then.
 */
@ApiController("/api/v1/registry-imports")
@Tag(name = "Registry import")
class RegistryImportApi {

    private final RegistryImports imports;
    private final RegistryExports exports;

    RegistryImportApi(RegistryImports imports, RegistryExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @Operation(
            summary = "Export a county's (or your part of it) 户籍成员 (members) or 家庭收入 (incomes) file in the import's "
                    + "template, .xlsx or .csv (UTF-8 with BOM); imported back unchanged it changes nothing")
    @GetMapping("/export/{kind}.{format:xlsx|csv}")
    void export(
            @PathVariable String kind,
            @PathVariable String format,
            @RequestParam String county,
            HttpServletResponse response)
            throws IOException {
        RegistryImportPages.export(exports, kind, format, county, response);
    }

    /** A file that cannot be read at all, with what to fix in Chinese. */
    @ExceptionHandler(FileRejectedException.class)
    ProblemDetail rejected(FileRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("文件无法导入");
        problem.setProperty("reason", e.code());
        return problem;
    }

    @Operation(summary = "Preview a 户籍成员 or 家庭收入 file (.xlsx, .csv, .json) for a county: nothing is stored")
    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportPreview registryImportPreview(@RequestParam("file") MultipartFile file, @RequestParam String county)
            throws IOException {
        Path temp = Uploads.copy(file);
        try {
            return imports.preview(temp, file.getOriginalFilename(), county, rows -> {});
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Operation(summary = "Store a previewed file, whole or not at all; the answer has the import's id")
    @PostMapping("/{previewId}/commit")
    ImportPreview registryImportCommit(@PathVariable String previewId) {
        return imports.commit(previewId);
    }
}
