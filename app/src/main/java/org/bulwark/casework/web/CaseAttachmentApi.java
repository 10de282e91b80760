package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.bulwark.casework.CaseAttachment;
import org.bulwark.casework.CaseAttachments;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** REST API of the photos and scanned forms kept with a case's steps. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class CaseAttachmentApi {

    private final CaseAttachments attachments;

    CaseAttachmentApi(CaseAttachments attachments) {
        this.attachments = attachments;
    }

    @Operation(summary = "Keep a photo (JPEG, PNG) or scanned form (PDF) with the case's current step")
    @PostMapping(path = "/cases/{id}/attachments", consumes = "multipart/form-data")
    CaseAttachment attach(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return attachments.add(id, file.getOriginalFilename(), file.getBytes());
    }

    @Operation(summary = "The attachments of a case")
    @GetMapping("/cases/{id}/attachments")
    List<CaseAttachment> attachmentsOf(@PathVariable long id) {
        return attachments.of(id);
    }

    @Operation(summary = "Download an attachment (audited)")
    @GetMapping("/case-attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        var content = attachments.download(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .body(content.bytes());
    }
}
