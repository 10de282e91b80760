package org.bulwark.platform.web;

import org.bulwark.core.identity.Masking;
import org.springframework.stereotype.Component;

/** Masks identity and phone numbers on pages ({@code ${@mask.id(...)}}); the full value needs a reveal. */
@Component("mask")
public class PersonalDataMask {

    public String id(String idNumber) {
        return idNumber == null ? null : Masking.maskIdentityNumber(idNumber);
    }

    public String phone(String phone) {
        return phone == null ? null : Masking.maskPhone(phone);
    }
}
