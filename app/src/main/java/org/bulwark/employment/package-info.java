/**
 * Employment services (issue 15; docs/employment.md): the labour registry — every labourer aged 16 to 64, able
 * or weak labour, of a formerly-poor or monitored household, derived from the registry's published views and kept
 * current from the registry's changes, department records ({@code employment_status}) and visits — and the employers
 * and postings a county's employment office keeps; matching labourers and postings, and referrals that follow a match
 * to a hire; public-welfare jobs and their holders. It owns {@code labourer}, {@code labourer_history},
 * {@code employer} and {@code posting} (V66), {@code referral} and {@code referral_history} (V78),
 * {@code welfare_post}, {@code welfare_post_holder} and {@code welfare_post_holder_history} (V83). Its figures on the
 * dashboard are its own: labourers in work by place, form of work, month and year ({@code LabourFigures}),
 * employers, workshops, postings and referrals ({@code JobFigures}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Employment")
package org.bulwark.employment;
