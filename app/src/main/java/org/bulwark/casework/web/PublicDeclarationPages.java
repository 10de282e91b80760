package org.bulwark.casework.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bulwark.casework.DeclarationInput;
import org.bulwark.casework.DeclarationReceipt;
import org.bulwark.casework.Declarations;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.region.RegionCode;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.TooManyRequestsException;
import org.bulwark.platform.web.PublicUrl;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public self-declaration form (no account; reachable by a QR code per village), its receipt, the status look-up
 * by receipt number, and the QR codes. It shows nothing about anyone.
 */
@Controller
class PublicDeclarationPages {

    private final Declarations declarations;
    private final Regions regions;
    private final MessageSource messages;
    private final PublicUrl publicUrl;

    PublicDeclarationPages(Declarations declarations, Regions regions, MessageSource messages, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.declarations = declarations;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/declare")
    String form(@RequestParam(required = false) String village, Model model) {
        model.addAttribute("risks", RiskType.values());
        Region chosen = RegionCode.tryParseFull(village)
                .flatMap(regions::find)
                .filter(Region::isVillage)
                .orElse(null);
        model.addAttribute("village", chosen);
        model.addAttribute("villagePath", chosen == null ? List.of() : regions.path(chosen.regionCode()));
        model.addAttribute("provinces", regions.provinces());
        return "declare/form";
    }

    /** The next level of regions under {@code parent}, as a select for the form (htmx). */
    @GetMapping("/declare/regions")
    String regions(@RequestParam(required = false) String parent, Model model) {
        List<Region> children =
                RegionCode.tryParseFull(parent).map(regions::children).orElse(List.of());
        model.addAttribute("children", children);
        model.addAttribute("villages", !children.isEmpty() && children.get(0).isVillage());
        return "declare/form :: regionSelect";
    }

    @PostMapping("/declare")
    String submit(
            @RequestParam(required = false) String declarantName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String villageCode,
            @RequestParam(required = false) Set<RiskType> risks,
            @RequestParam(required = false) String description,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        DeclarationInput input = new DeclarationInput(
                declarantName,
                phone,
                idNumber,
                villageCode,
                risks == null || risks.isEmpty() ? Set.of() : EnumSet.copyOf(risks),
                description);
        try {
            DeclarationReceipt receipt = declarations.submitPublic(input, request.getRemoteAddr());
            // after a POST, a redirect: reloading the receipt must not send the declaration again
            redirect.addFlashAttribute("receipt", receipt);
            return "redirect:/declare/received";
        } catch (InvalidInputException | TooManyRequestsException e) {
            model.addAttribute(
                    "errors",
                    e instanceof InvalidInputException invalid
                            ? PageErrors.of(invalid, messages, locale)
                            : List.of(messages.getMessage(
                                    "declare.tooMany",
                                    new Object[] {
                                        ((TooManyRequestsException) e)
                                                .retryAfter()
                                                .toMinutes()
                                    },
                                    locale)));
            model.addAttribute("draft", input);
            return form(villageCode, model);
        }
    }

    /** The receipt after a declaration was stored (reloaded without it: the status page). */
    @GetMapping("/declare/received")
    String received(Model model) {
        return model.containsAttribute("receipt") ? "declare/receipt" : "redirect:/declare/status";
    }

    @GetMapping("/declare/status")
    String status(
            @RequestParam(required = false) String receipt, HttpServletRequest request, Model model, Locale locale) {
        if (receipt != null && !receipt.isBlank()) {
            try {
                model.addAttribute("receipt", declarations.status(receipt, request.getRemoteAddr()));
            } catch (NotFoundException e) {
                model.addAttribute("notFound", true);
            } catch (TooManyRequestsException e) {
                model.addAttribute(
                        "errors",
                        List.of(messages.getMessage(
                                "declare.tooMany", new Object[] {e.retryAfter().toMinutes()}, locale)));
            }
        }
        model.addAttribute("asked", receipt);
        return "declare/status";
    }

    /** The QR code of the village chosen in a form. */
    @GetMapping("/declare/qr")
    String qrOf(@RequestParam String village) {
        return "redirect:/declare/qr/"
                + RegionCode.tryParseFull(village).map(RegionCode::value).orElse("0") + ".png";
    }

    /** A village's QR code: it opens the public form with the village chosen. */
    @GetMapping(value = "/declare/qr/{village}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String village) throws IOException, WriterException {
        Region region = RegionCode.tryParseFull(village)
                .flatMap(regions::find)
                .filter(Region::isVillage)
                .orElseThrow(() -> new NotFoundException("village", village));
        String url = publicUrl.absolute("/declare?village=" + region.code());
        BitMatrix matrix =
                new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 320, 320, Map.of(EncodeHintType.MARGIN, 2));
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < matrix.getWidth(); x++) {
            for (int y = 0; y < matrix.getHeight(); y++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .contentType(MediaType.IMAGE_PNG)
                .body(png.toByteArray());
    }
}
