package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.bulwark.core.contact.PhoneNumber;
import org.junit.jupiter.api.Test;

class ContactSamplerTest {

    @Test
    void generatedPhonesAreMobilesThePlatformAccepts() {
        // demo households go through the same registry as typed ones: their phones must pass its rule unchanged
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < 5_000; i++) {
            String drawn = ContactSampler.phone(random);
            assertThat(PhoneNumber.parse(drawn)).as(drawn).hasValueSatisfying(phone -> {
                assertThat(phone.isMobile()).isTrue();
                assertThat(phone.value()).isEqualTo(drawn);
            });
        }
    }
}
