package org.bulwark.onboarding.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.onboarding.ImportPreview;
import org.bulwark.onboarding.RegistryExports;
import org.bulwark.onboarding.RegistryFileKind;
import org.bulwark.onboarding.RegistryImports;
import org.bulwark.onboarding.RegistryTemplateFiles;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.read.FileRejectedException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 户籍导入: upload a registry file, read its preview, confirm; and the templates to download. */
@Controller
class RegistryImportPages {

    private final RegistryImports imports;
    private final RegistryExports exports;
    private final Regions regions;
    private final CurrentUser currentUser;

    RegistryImportPages(RegistryImports imports, RegistryExports exports, Regions regions, CurrentUser currentUser) {
        this.imports = imports;
        this.exports = exports;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/registry-imports")
    String form(Model model) {
        BulwarkUser user = currentUser.require();
        model.addAttribute("counties", counties(user));
        return "onboarding/upload";
    }

    @PostMapping("/registry-imports")
    String preview(@RequestParam("file") MultipartFile file, @RequestParam String county, Model model)
            throws IOException {
        BulwarkUser user = currentUser.require();
        model.addAttribute("counties", counties(user));
        if (file.isEmpty()) {
            model.addAttribute("uploadError", "文件：请选择要导入的文件");
            return "onboarding/upload";
        }
        Path temp = Uploads.copy(file);
        try {
            ImportPreview preview = imports.preview(temp, file.getOriginalFilename(), county, rows -> {});
            model.addAttribute("preview", preview);
            model.addAttribute(
                    "countyName", regions.nameOf(RegionCode.parse(county).value()));
            return "onboarding/preview";
        } catch (FileRejectedException e) {
            model.addAttribute("uploadError", e.getMessage());
            return "onboarding/upload";
        } catch (InvalidInputException e) {
            model.addAttribute("uploadError", e.problems().get(0).message());
            return "onboarding/upload";
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @PostMapping("/registry-imports/{id}/commit")
    String commit(@PathVariable String id, Model model) {
        ImportPreview done = imports.commit(id);
        model.addAttribute("preview", done);
        model.addAttribute("countyName", regions.nameOf(done.regionCode()));
        return "onboarding/preview";
    }

    @GetMapping("/registry-imports/templates/{kind}.{format:xlsx|csv}")
    void template(@PathVariable String kind, @PathVariable String format, HttpServletResponse response)
            throws IOException {
        RegistryFileKind fileKind = kindOf(kind);
        response.setHeader(
                "Content-Disposition",
                Uploads.attachment(kind + "-template." + format, RegistryTemplateFiles.fileName(fileKind, format)));
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            RegistryTemplateFiles.csv(fileKind, response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            RegistryTemplateFiles.xlsx(fileKind, response.getOutputStream());
        }
    }

    /** 导出本辖区户籍: the county's file, or the user's part of it, in the import's template; audited. */
    @GetMapping("/registry-imports/export/{kind}.{format:xlsx|csv}")
    void export(
            @PathVariable String kind,
            @PathVariable String format,
            @RequestParam String county,
            HttpServletResponse response)
            throws IOException {
        export(exports, kind, format, county, response);
    }

    /** Writes an export as an attachment named in Chinese; shared with the API. */
    static void export(RegistryExports exports, String kind, String format, String county, HttpServletResponse response)
            throws IOException {
        RegistryFileKind fileKind = kindOf(kind);
        String name = kind + "-" + county.strip() + "." + format;
        response.setHeader(
                "Content-Disposition",
                Uploads.attachment(name, fileKind.label() + "-导出-" + county.strip() + "." + format));
        response.setContentType(
                format.equals("csv")
                        ? "text/csv;charset=UTF-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // written to memory first: a refusal must answer as an error, not as half a file
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        exports.export(county, fileKind, RegistryExports.Format.of(format), file);
        file.writeTo(response.getOutputStream());
    }

    static RegistryFileKind kindOf(String kind) {
        return switch (kind) {
            case "members" -> RegistryFileKind.MEMBERS;
            case "incomes" -> RegistryFileKind.INCOMES;
            default -> throw new NotFoundException("registry file", kind);
        };
    }

    /** The counties the user may import into: their own (from a county or township), or those under their region. */
    private List<Region> counties(BulwarkUser user) {
        RegionCode own = RegionCode.parse(user.regionCode());
        if (own.level() == RegionLevel.VILLAGE) {
            return List.of();
        }
        if (own.level() != RegionLevel.PROVINCE && own.level() != RegionLevel.PREFECTURE) {
            return regions.find(RegionCode.parse(own.value().substring(0, 6))).stream()
                    .toList();
        }
        List<Region> counties = new ArrayList<>();
        List<Region> level = regions.children(own.value());
        while (!level.isEmpty() && level.get(0).level() != RegionLevel.COUNTY) {
            List<Region> next = new ArrayList<>();
            level.forEach(r -> next.addAll(regions.children(r.code())));
            level = next;
        }
        counties.addAll(level);
        return counties;
    }
}
