package org.bulwark.employment.web;

import org.bulwark.employment.Postings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A posting's page: what it offers, the labourers of the user's region that fit it, and its referrals. */
@Controller
class PostingPage {

    private final Postings postings;
    private final MatchSections sections;

    PostingPage(Postings postings, MatchSections sections) {
        this.postings = postings;
        this.sections = sections;
    }

    @GetMapping("/employment/postings/{id}")
    String posting(@PathVariable long id, Model model) {
        model.addAttribute("p", postings.posting(id));
        sections.posting(model, id);
        return "employment/posting";
    }
}
