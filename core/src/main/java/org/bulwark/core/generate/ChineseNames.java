package org.bulwark.core.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bulwark.core.identity.Sex;

/** Common Chinese surnames, weighted by how often they occur, and given names of one or two common characters. */
final class ChineseNames {

    /** The 100 most common surnames with their approximate share of the population, in hundredths of a percent. */
    private static final Object[] SURNAME_SHARES = {
        "王", 725, "李", 719, "张", 683, "刘", 538, "陈", 453, "杨", 308, "黄", 223, "赵", 221, "吴", 205, "周", 189,
        "徐", 148, "孙", 144, "马", 129, "朱", 128, "胡", 116, "郭", 113, "何", 107, "林", 100, "罗", 95, "高", 92,
        "郑", 78, "梁", 74, "谢", 63, "宋", 61, "唐", 61, "许", 59, "韩", 56, "冯", 55, "邓", 54, "曹", 52,
        "彭", 50, "曾", 49, "肖", 47, "田", 46, "董", 45, "袁", 43, "潘", 41, "于", 41, "蒋", 40, "蔡", 40,
        "余", 40, "杜", 39, "叶", 39, "程", 38, "苏", 37, "魏", 36, "吕", 35, "丁", 34, "任", 34, "沈", 33,
        "姚", 32, "卢", 32, "姜", 31, "崔", 30, "钟", 30, "谭", 29, "陆", 28, "汪", 28, "范", 27, "金", 27,
        "石", 26, "廖", 26, "贾", 25, "夏", 25, "韦", 24, "付", 24, "方", 24, "白", 23, "邹", 23, "孟", 22,
        "熊", 22, "秦", 22, "邱", 21, "江", 21, "尹", 21, "薛", 20, "闫", 20, "段", 19, "雷", 19, "侯", 19,
        "龙", 18, "史", 18, "陶", 17, "黎", 17, "贺", 17, "顾", 16, "毛", 16, "郝", 16, "龚", 16, "邵", 15,
        "万", 15, "钱", 15, "严", 15, "覃", 14, "武", 14, "戴", 14, "莫", 13, "孔", 13, "向", 13, "汤", 13,
    };

    private static final String MALE_CHARACTERS =
            "伟强军勇杰涛超刚平辉鹏飞鑫波斌宇浩凯健俊帆帅旭龙峰磊成建国志东兵亮武彬松柏林坤豪鸿江山" + "光权贵发荣忠昌祥顺胜利德才毅诚泽轩博虎彪锋铭皓睿卫钢雄贤富朝茂树根全智勤耀";
    private static final String FEMALE_CHARACTERS =
            "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琴莲凤洁琳婷雪慧颖倩莉琼菊珍香翠花丹蓉欣悦怡晶露蕾瑶" + "妍娇媛淑惠芬菲萱彩霜姣茜美群芝琦薇芸娥姗冰璐莹晴婉韵珊琪";
    private static final String SHARED_CHARACTERS = "小晓永金玉秋海天子思家新福春明文华宏正安云清嘉佳雨晨阳心一世长庆运开学中兴仁义礼信宝和宁瑞启";

    // One slot per hundredth of a percent: drawing a surname is a single array lookup, not a search.
    private static final String[] SURNAME_SLOTS = surnameSlots();
    private static final double SINGLE_CHARACTER_SHARE = 0.25;
    private static final double SHARED_CHARACTER_SHARE = 0.3;

    private ChineseNames() {}

    static String surname(SplittableRandom random) {
        return SURNAME_SLOTS[random.nextInt(SURNAME_SLOTS.length)];
    }

    /** A full name: the surname followed by a one- or two-character given name that suits the sex. */
    static String fullName(String surname, Sex sex, SplittableRandom random) {
        StringBuilder name = new StringBuilder(3).append(surname);
        name.append(givenCharacter(sex, random));
        if (random.nextDouble() >= SINGLE_CHARACTER_SHARE) {
            name.append(givenCharacter(sex, random));
        }
        return name.toString();
    }

    /** Number of distinct surnames available, for tests. */
    static int surnameCount() {
        return SURNAME_SHARES.length / 2;
    }

    /** Number of distinct given-name characters available, for tests. */
    static int givenCharacterCount() {
        return (int) (MALE_CHARACTERS + FEMALE_CHARACTERS + SHARED_CHARACTERS)
                .chars()
                .distinct()
                .count();
    }

    private static char givenCharacter(Sex sex, SplittableRandom random) {
        String pool = random.nextDouble() < SHARED_CHARACTER_SHARE
                ? SHARED_CHARACTERS
                : sex == Sex.MALE ? MALE_CHARACTERS : FEMALE_CHARACTERS;
        return pool.charAt(random.nextInt(pool.length()));
    }

    private static String[] surnameSlots() {
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < SURNAME_SHARES.length; i += 2) {
            String surname = (String) SURNAME_SHARES[i];
            int share = (Integer) SURNAME_SHARES[i + 1];
            for (int j = 0; j < share; j++) {
                slots.add(surname);
            }
        }
        return slots.toArray(new String[0]);
    }
}
