package org.bulwark.registry.web;

import org.bulwark.registry.Household;
import org.bulwark.registry.HouseholdInput;

/** A household as the page form holds it; when creating, it carries the head too. */
public class HouseholdForm {

    private String villageCode;
    private String category;
    private String address;
    private String phone;
    private int version;
    private PersonForm head = new PersonForm();

    HouseholdInput toInput() {
        return new HouseholdInput(villageCode, category, address, phone);
    }

    static HouseholdForm of(Household h) {
        HouseholdForm f = new HouseholdForm();
        f.villageCode = h.villageCode();
        f.category = h.category().name();
        f.address = h.address();
        f.phone = h.phone();
        f.version = h.version();
        return f;
    }

    public String getVillageCode() {
        return villageCode;
    }

    public void setVillageCode(String villageCode) {
        this.villageCode = villageCode;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public PersonForm getHead() {
        return head;
    }

    public void setHead(PersonForm head) {
        this.head = head;
    }
}
