package org.bulwark.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.bulwark.casework.RosterExport;
import org.bulwark.casework.RosterFile;
import org.bulwark.casework.RosterImport;
import org.bulwark.casework.RosterPreview;
import org.bulwark.casework.RosterRead;
import org.bulwark.identity.CurrentUser;
import org.bulwark.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The county's monitoring roster on a page: upload a file, read the preview (per household new, changed, unchanged,
 * refused with each reason), confirm; or download the region's roster in the template (导出本辖区监测对象名单). The uploaded file waits in the session between preview and confirmation, so
 * the confirmation stores exactly the file previewed (its SHA-256 must match).
 */
@Controller
class RosterPages {

    static final String PENDING = "casework.roster.pending";

    /** The file between preview and confirmation. */
    record Pending(String fileName, byte[] bytes, String sha256) implements Serializable {}

    private final RosterImport roster;
    private final RosterExport exports;
    private final CurrentUser currentUser;

    RosterPages(RosterImport roster, RosterExport exports, CurrentUser currentUser) {
        this.roster = roster;
        this.exports = exports;
        this.currentUser = currentUser;
    }

    /** The county of the signed-in user, whose roster (or the user's part of it) the page offers to export. */
    @ModelAttribute("county")
    String county() {
        String region = currentUser.require().regionCode();
        return region.length() >= 6 ? region.substring(0, 6) : region;
    }

    @GetMapping("/casework/roster")
    String form() {
        roster.requireImporter();
        return "cases/roster";
    }

    @GetMapping("/casework/roster/export.{format:xlsx|csv}")
    void export(@PathVariable String format, @RequestParam String county, HttpServletResponse response)
            throws IOException {
        RosterApi.export(exports, format, county, response);
    }

    @PostMapping("/casework/roster")
    String preview(@RequestParam(value = "file", required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        roster.requireImporter();
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的名单文件");
            return "cases/roster";
        }
        byte[] bytes = file.getBytes();
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            RosterPreview preview = roster.preview(read(bytes, name));
            session.setAttribute(PENDING, new Pending(name, bytes, preview.sha256()));
            model.addAttribute("preview", preview);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.problems().get(0).message());
        }
        return "cases/roster";
    }

    @PostMapping("/casework/roster/confirm")
    String confirm(@RequestParam String sha256, HttpSession session, Model model) throws IOException {
        roster.requireImporter();
        Pending pending = (Pending) session.getAttribute(PENDING);
        if (pending == null || !pending.sha256().equals(sha256)) {
            model.addAttribute("error", "没有待确认的名单文件，请重新上传");
            return "cases/roster";
        }
        RosterPreview done = roster.commit(read(pending.bytes(), pending.fileName()));
        session.removeAttribute(PENDING);
        model.addAttribute("preview", done);
        model.addAttribute("committed", true);
        return "cases/roster";
    }

    private static RosterRead read(byte[] bytes, String name) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return RosterFile.read(in, name);
        }
    }
}
