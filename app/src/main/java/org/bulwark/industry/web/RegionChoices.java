package org.bulwark.industry.web;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;

/**
 * The region tree under the user's region as one list to choose from, each region indented under its parent: a
 * county's townships and villages. Two levels down at most, and no more than {@link #MOST} regions, so that a
 * province's user is offered its prefectures and counties rather than a list of thousands.
 */
final class RegionChoices {

    static final int MOST = 2_000;

    /** A region to choose: its code and its name indented by its depth under the user's region. */
    record Choice(String code, String label) {}

    private RegionChoices() {}

    static List<Choice> under(Regions regions, BulwarkUser user) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(user.regionCode(), regions.nameOf(user.regionCode())));
        for (Region child : regions.children(user.regionCode())) {
            choices.add(new Choice(child.code(), "\u3000" + child.name()));
            for (Region grandchild : regions.children(child.code())) {
                if (choices.size() >= MOST) {
                    return choices;
                }
                choices.add(new Choice(grandchild.code(), "\u3000\u3000" + grandchild.name()));
            }
        }
        return choices;
    }
}
