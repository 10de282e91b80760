package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** ICD-10 codes and names of serious and chronic diseases, for adults and for children. */
final class Diagnoses {

    /** A diagnosis with the catalogue's category code. */
    record Diagnosis(String code, String name, String category) {}

    private static final String SERIOUS = "serious_illness";
    private static final String CHRONIC = "chronic_disease";

    private static final Diagnosis[] SERIOUS_ADULT = {
        new Diagnosis("C22.0", "肝细胞癌", SERIOUS), new Diagnosis("C34.9", "肺恶性肿瘤", SERIOUS),
        new Diagnosis("C16.9", "胃恶性肿瘤", SERIOUS), new Diagnosis("C15.9", "食管恶性肿瘤", SERIOUS),
        new Diagnosis("C18.9", "结肠恶性肿瘤", SERIOUS), new Diagnosis("I21.9", "急性心肌梗死", SERIOUS),
        new Diagnosis("I63.9", "脑梗死", SERIOUS), new Diagnosis("I61.9", "脑出血", SERIOUS),
        new Diagnosis("N18.5", "慢性肾脏病5期", SERIOUS), new Diagnosis("F20.9", "精神分裂症", SERIOUS),
    };
    private static final Diagnosis[] SERIOUS_CHILD = {
        new Diagnosis("C91.0", "急性淋巴细胞白血病", SERIOUS), new Diagnosis("Q21.1", "房间隔缺损", SERIOUS),
        new Diagnosis("Q21.0", "室间隔缺损", SERIOUS), new Diagnosis("D61.9", "再生障碍性贫血", SERIOUS),
        new Diagnosis("D56.1", "β型地中海贫血", SERIOUS),
    };
    private static final Diagnosis[] CHRONIC_ADULT = {
        new Diagnosis("I10", "原发性高血压", CHRONIC), new Diagnosis("E11.9", "2型糖尿病", CHRONIC),
        new Diagnosis("J44.9", "慢性阻塞性肺疾病", CHRONIC), new Diagnosis("I25.1", "冠状动脉粥样硬化性心脏病", CHRONIC),
        new Diagnosis("M05.9", "类风湿关节炎", CHRONIC), new Diagnosis("K74.6", "肝硬化", CHRONIC),
    };
    private static final Diagnosis[] CHRONIC_CHILD = {
        new Diagnosis("G40.9", "癫痫", CHRONIC), new Diagnosis("J45.9", "哮喘", CHRONIC),
    };
    private static final int ADULT_AGE = 16;

    private Diagnoses() {}

    static Diagnosis serious(int age, SplittableRandom random) {
        return Draws.pick(random, age < ADULT_AGE ? SERIOUS_CHILD : SERIOUS_ADULT);
    }

    static Diagnosis chronic(int age, SplittableRandom random) {
        return Draws.pick(random, age < ADULT_AGE ? CHRONIC_CHILD : CHRONIC_ADULT);
    }

    /** The serious_illness row of a diagnosis. */
    static FeedRow row(FeedRow row, LocalDate date, Diagnosis diagnosis) {
        return row.date("diagnosis_date", date)
                .text("disease_code", diagnosis.code())
                .text("disease_name", diagnosis.name())
                .text("category", diagnosis.category());
    }
}
