package org.bulwark.onboarding.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.web.multipart.MultipartFile;

/** An upload copied to a temporary file (the readers need a path, an .xlsx one to unzip), and attachment headers. */
final class Uploads {

    private Uploads() {}

    static Path copy(MultipartFile file) throws IOException {
        Path temp = Files.createTempFile("bulwark-registry-", ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        return temp;
    }

    /** An attachment named in Chinese (RFC 6266 {@code filename*}), with an ASCII name for clients without it. */
    static String attachment(String asciiName, String chineseName) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(chineseName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
