package org.bulwark.identity.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.TwoFactor;
import org.bulwark.identity.UserAccounts;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor sign-in on the pages: enrolment (a QR code for the authenticator app, confirmed with a first code, then
 * the recovery codes shown once), turning it off, the code asked after the password, and the reset of another
 * account's factor by a security administrator.
 */
@Controller
class TwoFactorPages {

    private final TwoFactor twoFactor;
    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final MessageSource messages;

    TwoFactorPages(TwoFactor twoFactor, CurrentUser currentUser, UserAccounts accounts, MessageSource messages) {
        this.twoFactor = twoFactor;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(SecondFactorGate.ENROL_PAGE)
    String page(Model model) {
        model.addAttribute("status", twoFactor.status());
        twoFactor.waiting().ifPresent(e -> {
            model.addAttribute("secret", e.secret());
            model.addAttribute("qr", qr(e.uri()));
        });
        return "account/two-factor";
    }

    @PostMapping(SecondFactorGate.ENROL_PAGE + "/start")
    String start() {
        twoFactor.begin();
        return "redirect:" + SecondFactorGate.ENROL_PAGE;
    }

    @PostMapping(SecondFactorGate.ENROL_PAGE + "/confirm")
    String confirm(@RequestParam(required = false) String code, Model model, HttpSession session) {
        try {
            List<String> codes = twoFactor.confirm(code);
            session.removeAttribute(SecondFactorGate.ENROL);
            // shown this once, on this answer only (not through a redirect that a reload would show again)
            model.addAttribute("recoveryCodes", codes);
        } catch (InvalidInputException e) {
            model.addAttribute("codeError", e.problems().get(0).code());
        }
        return page(model);
    }

    @PostMapping(SecondFactorGate.ENROL_PAGE + "/disable")
    String disable(
            @RequestParam(required = false) String code, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            twoFactor.disable(code);
        } catch (InvalidInputException e) {
            model.addAttribute("codeError", e.problems().get(0).code());
            return page(model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("twoFactor.disabled", null, locale));
        return "redirect:" + SecondFactorGate.ENROL_PAGE;
    }

    @GetMapping(SecondFactorGate.VERIFY_PAGE)
    String verifyForm() {
        return "account/two-factor-verify";
    }

    /**
     * The code after the password. A wrong one counts towards the lockout like a wrong password; once the account
     * is locked the half-open session ends.
     */
    @PostMapping(SecondFactorGate.VERIFY_PAGE)
    String verify(
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        BulwarkUser user = currentUser.require();
        if (twoFactor.verify(user, code)) {
            request.getSession().removeAttribute(SecondFactorGate.PENDING);
            // the session is worth more now: a new id, as at the password step
            request.changeSessionId();
            return "redirect:/";
        }
        boolean locked = twoFactor.countWrongCode(user);
        if (locked
                || accounts.find(user.getUsername())
                        .map(u -> !u.isAccountNonLocked())
                        .orElse(true)) {
            new SecurityContextLogoutHandler()
                    .logout(
                            request,
                            response,
                            SecurityContextHolder.getContext().getAuthentication());
            return "redirect:/login?error";
        }
        model.addAttribute("codeError", "code_wrong");
        return "account/two-factor-verify";
    }

    /** A security administrator removes the second factor of an account they look after. */
    @PostMapping("/users/{id}/two-factor/reset")
    String reset(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        twoFactor.reset(id);
        redirect.addFlashAttribute("flash", messages.getMessage("twoFactor.reset", null, locale));
        return "redirect:/users/" + id;
    }

    /** The otpauth:// address as a PNG QR code in a data: address (the page's CSP allows data: images). */
    private static String qr(String uri) {
        try {
            BitMatrix matrix =
                    new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 2));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
