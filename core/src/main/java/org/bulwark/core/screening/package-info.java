/**
 * Screening: bidirectional verification and early warning. Rules are data — a YAML file whose conditions are CEL —
 * checked by CEL's compiler and compiled at load into vectorised evaluations over columns of households, persons and
 * department records; {@link org.bulwark.core.screening.ScreeningEngine} runs them over a whole province or over the
 * households a new batch touched, with identical results either way.
 *
 * <h2>Semantics (what any other engine, e.g. Spark, must reproduce)</h2>
 * <ul>
 *   <li><b>Numbers</b> are IEEE doubles; integer literals are doubles. {@code x / 0 = 0}. Inputs are finite.
 *       Comparisons are exact. Text compares exactly (case and blanks matter).</li>
 *   <li><b>Missing values</b>: an unknown income is 0; a field absent from a record is 0, the empty text or false;
 *       an aggregation without matching records is 0 ({@code any}: false; {@code max}, {@code min}, {@code last}:
 *       0 too). A category absent from the input has no records. A record table lacking a field the rules read is
 *       refused, so a misnamed column cannot pass for "no risk".</li>
 *   <li><b>A record's household</b> is its household index, else its person's household, else — village-keyed
 *       categories only — every household of its village code. Otherwise the record is unmatched; an unmatched
 *       record with a valid identity number belongs to that unregistered person.</li>
 *   <li><b>Windows</b> end at the as-of date {@code T} (records dated after {@code T} never count): {@code N} months
 *       = {@code (T.minusMonths(N), T]} with the day clamped to the month's end; {@code this_year} =
 *       {@code [1 Jan, T]}; {@code last_year} = the previous calendar year; {@code school_year} = {@code [1 Sep, T]}
 *       from the 1 September on or before {@code T}; {@code all} = up to {@code T}.</li>
 *   <li><b>Order of a filter</b>: window, then {@code latest} (per person — person index, or identity number for
 *       records without one — or per household: keep the record with the latest date, ties to the later position in
 *       the table), then {@code where}.</li>
 *   <li><b>Aggregations</b> run over a household's selected records in table order: {@code count}, {@code any},
 *       {@code sum} (added in table order), {@code max}/{@code min} (first record on ties), {@code last} (latest
 *       date, then later position).</li>
 *   <li><b>Record attributes</b>: {@code age} = whole years from the person's birth date (registry, else the
 *       identity number's digits 7–14) to the record's date, {@code y2-y1-((m2,d2)<(m1,d1)?1:0)}, -1 when unknown
 *       or negative; {@code months_before} = {@code (yT*12+mT)-(y*12+m)-(dT<d?1:0)}; {@code days_before} =
 *       {@code T - date}; {@code member}, {@code main_labourer}, {@code able_bodied} are false without a registered
 *       person.</li>
 *   <li><b>Unregistered persons</b>: downward rules whose features are person-keyed aggregations not reading
 *       {@code member}, {@code main_labourer} or {@code able_bodied}, plus {@code monitored_or_assisted} (false) and
 *       {@code category} (ORDINARY), also run on each unregistered person as a household of one.</li>
 *   <li><b>Hits</b> come ordered by household index, then rule-file order; the deadline is {@code T} plus the
 *       rule's deadline days.</li>
 * </ul>
 */
package org.bulwark.core.screening;
