package org.bulwark.core.generate.feeds;

import java.util.SplittableRandom;
import org.bulwark.core.identity.Sex;

/** Plausible Chinese names for residents the registry misses: a common surname and one or two given characters. */
final class ResidentNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高梁宋唐韩冯邓曹彭田袁潘蒋蔡余杜龙韦";
    private static final String MALE = "伟强军勇杰涛刚平辉鹏飞波斌宇浩凯俊峰磊成建国志东兵亮武林坤江山贵发荣忠祥顺";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琴莲凤洁琳婷雪慧颖莉琼菊珍香翠花丹";
    private static final String SHARED = "小晓永金玉秋海天思家新福春明文华正安云清佳雨晨阳";

    private ResidentNames() {}

    static String fullName(Sex sex, SplittableRandom random) {
        StringBuilder name = new StringBuilder(3).append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        name.append(given(sex, random));
        if (Draws.chance(random, 0.75)) {
            name.append(given(sex, random));
        }
        return name.toString();
    }

    private static char given(Sex sex, SplittableRandom random) {
        String pool = Draws.chance(random, 0.3) ? SHARED : sex == Sex.MALE ? MALE : FEMALE;
        return pool.charAt(random.nextInt(pool.length()));
    }
}
