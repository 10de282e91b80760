package org.bulwark.employment.web;

import java.util.List;
import org.bulwark.employment.WelfarePost;
import org.bulwark.employment.WelfarePostInput;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.web.FormText;

/** A public-welfare post as the page form holds it: text, so that what was typed comes back with its error. */
public class WelfarePostForm {

    private String villageCode;
    private String title;
    private String duty;
    private String monthlyAllowance;
    private String places;
    private String termStart;
    private String termEnd;
    private String funding;
    private int version;

    static WelfarePostForm of(WelfarePost p) {
        WelfarePostForm f = new WelfarePostForm();
        f.villageCode = p.villageCode();
        f.title = p.title();
        f.duty = p.duty().name();
        f.monthlyAllowance = p.monthlyAllowance().toPlainString();
        f.places = String.valueOf(p.places());
        f.termStart = FormText.text(p.termStart());
        f.termEnd = FormText.text(p.termEnd());
        f.funding = p.funding().name();
        f.version = p.version();
        return f;
    }

    /** The input, with a problem for each number or date that is not one. */
    WelfarePostInput toInput(List<FieldProblem> problems) {
        return new WelfarePostInput(
                villageCode,
                title,
                duty,
                FormText.amount("monthlyAllowance", monthlyAllowance, problems),
                FormText.whole("places", places, problems),
                FormText.date("termStart", termStart, problems),
                FormText.date("termEnd", termEnd, problems),
                funding,
                version);
    }

    public String getVillageCode() {
        return villageCode;
    }

    public void setVillageCode(String villageCode) {
        this.villageCode = villageCode;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDuty() {
        return duty;
    }

    public void setDuty(String duty) {
        this.duty = duty;
    }

    public String getMonthlyAllowance() {
        return monthlyAllowance;
    }

    public void setMonthlyAllowance(String monthlyAllowance) {
        this.monthlyAllowance = monthlyAllowance;
    }

    public String getPlaces() {
        return places;
    }

    public void setPlaces(String places) {
        this.places = places;
    }

    public String getTermStart() {
        return termStart;
    }

    public void setTermStart(String termStart) {
        this.termStart = termStart;
    }

    public String getTermEnd() {
        return termEnd;
    }

    public void setTermEnd(String termEnd) {
        this.termEnd = termEnd;
    }

    public String getFunding() {
        return funding;
    }

    public void setFunding(String funding) {
        this.funding = funding;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
