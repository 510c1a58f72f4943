import type { CancellationPolicy, Translations } from './catalog.tables';

/**
 * The service catalogue the platform ships with (demo seed and first start). Slugs are shared with
 * the search lexicon (RULES.md) and must not change. Prices are typical Indian market rates in paise,
 * used by the seed to give providers believable price lists.
 */
export interface CatalogSubCategory {
  slug: string;
  name: Translations;
  description: string;
  defaultDurationMin: number;
  /** Typical price range in paise; seeded providers price inside it. */
  pricePaise: readonly [number, number];
  priceKind?: 'FIXED' | 'HOURLY' | 'INSPECTION';
}

export interface CatalogCategory {
  slug: string;
  name: Translations;
  icon: string;
  description: Translations;
  platformFeeBps: number;
  cancellationPolicy: CancellationPolicy;
  backgroundCheckFeePaise: number;
  subCategories: readonly CatalogSubCategory[];
}

const standardPolicy: CancellationPolicy = { freeUntilHours: 4, lateFeeBps: 2000, lateFeeMinPaise: 5000 };
const strictPolicy: CancellationPolicy = { freeUntilHours: 24, lateFeeBps: 2500, lateFeeMinPaise: 20000 };
const flexiblePolicy: CancellationPolicy = { freeUntilHours: 2, lateFeeBps: 1500, lateFeeMinPaise: 3000 };

const sub = (
  slug: string,
  en: string,
  hi: string,
  description: string,
  defaultDurationMin: number,
  pricePaise: readonly [number, number],
  priceKind: CatalogSubCategory['priceKind'] = 'FIXED',
): CatalogSubCategory => ({ slug, name: { en, hi }, description, defaultDurationMin, pricePaise, priceKind });

export const catalog: readonly CatalogCategory[] = [
  {
    slug: 'plumbing',
    name: { en: 'Plumbing', hi: 'प्लंबिंग' },
    icon: 'wrench',
    description: {
      en: 'Leaking taps, burst pipes, blocked drains, bathroom fittings and tank cleaning.',
      hi: 'टपकते नल, फटे पाइप, जाम नाली, बाथरूम फिटिंग और टंकी की सफ़ाई।',
    },
    platformFeeBps: 1000,
    cancellationPolicy: standardPolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub('tap-repair', 'Tap repair', 'नल की मरम्मत', 'Fix dripping or broken taps and mixers.', 45, [19_900, 39_900]),
      sub('pipe-leak', 'Pipe leak repair', 'पाइप लीक की मरम्मत', 'Find and fix leaking or burst pipes.', 60, [29_900, 79_900]),
      sub('drain-blockage', 'Drain blockage', 'नाली जाम', 'Clear blocked sinks, basins and floor drains.', 60, [29_900, 69_900]),
      sub(
        'bathroom-fitting',
        'Bathroom fitting',
        'बाथरूम फिटिंग',
        'Install showers, geysers, basins and WCs.',
        120,
        [49_900, 1_49_900],
      ),
      sub(
        'water-tank-cleaning',
        'Water tank cleaning',
        'पानी की टंकी की सफ़ाई',
        'Drain, scrub and disinfect overhead tanks.',
        120,
        [59_900, 1_29_900],
      ),
    ],
  },
  {
    slug: 'electrical',
    name: { en: 'Electrical', hi: 'बिजली का काम' },
    icon: 'zap',
    description: {
      en: 'Wiring, fans, switchboards, lights and inverters by licensed electricians.',
      hi: 'लाइसेंसधारी इलेक्ट्रीशियन द्वारा वायरिंग, पंखे, स्विचबोर्ड, लाइट और इन्वर्टर।',
    },
    platformFeeBps: 1000,
    cancellationPolicy: standardPolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub('wiring', 'Wiring', 'वायरिंग', 'New wiring, rewiring and fault finding.', 120, [49_900, 2_49_900], 'HOURLY'),
      sub(
        'fan-installation',
        'Fan installation',
        'पंखा लगाना',
        'Ceiling, wall and exhaust fan installation.',
        45,
        [19_900, 44_900],
      ),
      sub(
        'switchboard-repair',
        'Switchboard repair',
        'स्विचबोर्ड की मरम्मत',
        'Replace switches, sockets and MCBs.',
        45,
        [14_900, 39_900],
      ),
      sub('light-fitting', 'Light fitting', 'लाइट फिटिंग', 'Tube lights, LED panels, chandeliers.', 60, [19_900, 59_900]),
      sub(
        'inverter-installation',
        'Inverter installation',
        'इन्वर्टर लगाना',
        'Inverter and battery installation and wiring.',
        90,
        [49_900, 99_900],
      ),
    ],
  },
  {
    slug: 'ac-repair',
    name: { en: 'AC Service & Repair', hi: 'एसी सर्विस और मरम्मत' },
    icon: 'air-vent',
    description: {
      en: 'Split and window AC servicing, gas refills, installation and repairs.',
      hi: 'स्प्लिट और विंडो एसी की सर्विस, गैस भरना, इंस्टॉलेशन और मरम्मत।',
    },
    platformFeeBps: 1200,
    cancellationPolicy: standardPolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub('ac-service', 'AC service', 'एसी सर्विस', 'Jet-pump cleaning of filters, coils and drain.', 60, [39_900, 79_900]),
      sub('ac-gas-refill', 'AC gas refill', 'एसी गैस रिफ़िल', 'Leak check and refrigerant top-up.', 90, [1_49_900, 2_99_900]),
      sub(
        'ac-installation',
        'AC installation',
        'एसी इंस्टॉलेशन',
        'Install or uninstall split and window ACs.',
        150,
        [99_900, 1_99_900],
      ),
      sub(
        'ac-repair-general',
        'AC repair',
        'एसी मरम्मत',
        'Diagnose cooling, noise and power problems.',
        60,
        [29_900, 49_900],
        'INSPECTION',
      ),
    ],
  },
  {
    slug: 'cleaning',
    name: { en: 'Home Cleaning', hi: 'घर की सफ़ाई' },
    icon: 'sparkles',
    description: {
      en: 'Deep cleaning of homes, bathrooms, kitchens, sofas and carpets.',
      hi: 'घर, बाथरूम, किचन, सोफ़ा और कालीन की गहरी सफ़ाई।',
    },
    platformFeeBps: 1500,
    cancellationPolicy: strictPolicy,
    backgroundCheckFeePaise: 59_900,
    subCategories: [
      sub(
        'home-deep-cleaning',
        'Home deep cleaning',
        'घर की गहरी सफ़ाई',
        'Full-home deep clean, 2–3 person crew.',
        300,
        [2_49_900, 5_99_900],
      ),
      sub(
        'bathroom-cleaning',
        'Bathroom cleaning',
        'बाथरूम की सफ़ाई',
        'Descaling, tiles, fittings and floors.',
        90,
        [39_900, 79_900],
      ),
      sub(
        'kitchen-cleaning',
        'Kitchen cleaning',
        'किचन की सफ़ाई',
        'Degreasing of chimney, hob, cabinets and tiles.',
        150,
        [99_900, 1_99_900],
      ),
      sub(
        'sofa-carpet-cleaning',
        'Sofa & carpet cleaning',
        'सोफ़ा और कालीन की सफ़ाई',
        'Shampoo and vacuum extraction.',
        120,
        [59_900, 1_49_900],
      ),
    ],
  },
  {
    slug: 'carpentry',
    name: { en: 'Carpentry', hi: 'बढ़ईगीरी' },
    icon: 'hammer',
    description: {
      en: 'Furniture repair, door locks and hinges, flat-pack assembly.',
      hi: 'फ़र्नीचर की मरम्मत, दरवाज़े के ताले और कब्ज़े, फ़र्नीचर जोड़ना।',
    },
    platformFeeBps: 1000,
    cancellationPolicy: standardPolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub(
        'furniture-repair',
        'Furniture repair',
        'फ़र्नीचर की मरम्मत',
        'Fix wobbly, broken or sagging furniture.',
        90,
        [29_900, 99_900],
      ),
      sub(
        'door-lock-repair',
        'Door & lock repair',
        'दरवाज़ा और ताला मरम्मत',
        'Locks, handles, hinges and door alignment.',
        60,
        [19_900, 59_900],
      ),
      sub(
        'furniture-assembly',
        'Furniture assembly',
        'फ़र्नीचर जोड़ना',
        'Beds, wardrobes, tables from flat-pack.',
        120,
        [39_900, 1_19_900],
      ),
    ],
  },
  {
    slug: 'painting',
    name: { en: 'Painting', hi: 'पेंटिंग' },
    icon: 'paint-roller',
    description: {
      en: 'Interior and exterior painting, waterproofing and texture finishes.',
      hi: 'अंदर और बाहर की पुताई, वॉटरप्रूफ़िंग और टेक्सचर पेंट।',
    },
    platformFeeBps: 800,
    cancellationPolicy: strictPolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub(
        'wall-painting',
        'Wall painting',
        'दीवार की पुताई',
        'Per-room painting with putty and primer.',
        480,
        [4_99_900, 14_99_900],
      ),
      sub(
        'waterproofing',
        'Waterproofing',
        'वॉटरप्रूफ़िंग',
        'Terrace, bathroom and wall seepage treatment.',
        360,
        [3_99_900, 12_99_900],
      ),
      sub('texture-painting', 'Texture painting', 'टेक्सचर पेंटिंग', 'Designer textures and accent walls.', 360, [2_99_900, 8_99_900]),
    ],
  },
  {
    slug: 'pest-control',
    name: { en: 'Pest Control', hi: 'कीट नियंत्रण' },
    icon: 'bug',
    description: {
      en: 'Odourless, family-safe treatment for cockroaches, termites and bed bugs.',
      hi: 'कॉकरोच, दीमक और खटमल के लिए गंधहीन, परिवार के लिए सुरक्षित उपचार।',
    },
    platformFeeBps: 1200,
    cancellationPolicy: standardPolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub(
        'cockroach-control',
        'Cockroach control',
        'कॉकरोच नियंत्रण',
        'Gel and spray treatment with 3-month warranty.',
        60,
        [69_900, 1_49_900],
      ),
      sub(
        'termite-control',
        'Termite control',
        'दीमक नियंत्रण',
        'Drill-fill-seal anti-termite treatment.',
        180,
        [1_99_900, 4_99_900],
      ),
      sub(
        'bed-bug-control',
        'Bed bug control',
        'खटमल नियंत्रण',
        'Two-visit treatment of beds and furniture.',
        90,
        [99_900, 1_99_900],
      ),
    ],
  },
  {
    slug: 'appliance-repair',
    name: { en: 'Appliance Repair', hi: 'उपकरण मरम्मत' },
    icon: 'washing-machine',
    description: {
      en: 'Washing machines, refrigerators, microwaves and TVs repaired at home.',
      hi: 'वॉशिंग मशीन, फ्रिज, माइक्रोवेव और टीवी की घर पर मरम्मत।',
    },
    platformFeeBps: 1200,
    cancellationPolicy: standardPolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub(
        'washing-machine-repair',
        'Washing machine repair',
        'वॉशिंग मशीन मरम्मत',
        'Front and top load, all brands.',
        60,
        [29_900, 59_900],
        'INSPECTION',
      ),
      sub(
        'refrigerator-repair',
        'Refrigerator repair',
        'फ्रिज मरम्मत',
        'Cooling, compressor and thermostat issues.',
        60,
        [29_900, 59_900],
        'INSPECTION',
      ),
      sub(
        'microwave-repair',
        'Microwave repair',
        'माइक्रोवेव मरम्मत',
        'Heating, turntable and panel faults.',
        45,
        [24_900, 44_900],
        'INSPECTION',
      ),
      sub('tv-repair', 'TV repair', 'टीवी मरम्मत', 'LED/LCD panels, power and sound faults.', 60, [29_900, 59_900], 'INSPECTION'),
    ],
  },
  {
    slug: 'ro-water-purifier',
    name: { en: 'RO Water Purifier', hi: 'आरओ वॉटर प्यूरीफ़ायर' },
    icon: 'droplets',
    description: {
      en: 'RO service, filter and membrane change, new purifier installation.',
      hi: 'आरओ सर्विस, फ़िल्टर और मेम्ब्रेन बदलना, नया प्यूरीफ़ायर लगाना।',
    },
    platformFeeBps: 1000,
    cancellationPolicy: flexiblePolicy,
    backgroundCheckFeePaise: 39_900,
    subCategories: [
      sub('ro-service', 'RO service', 'आरओ सर्विस', 'Cleaning, TDS check and filter change.', 60, [29_900, 69_900]),
      sub('ro-installation', 'RO installation', 'आरओ इंस्टॉलेशन', 'Wall mounting and plumbing of a new RO.', 60, [34_900, 59_900]),
    ],
  },
  {
    slug: 'beauty-at-home',
    name: { en: 'Beauty at Home', hi: 'घर पर ब्यूटी सर्विस' },
    icon: 'scissors',
    description: {
      en: 'Salon services for women, haircuts for men and bridal makeup at home.',
      hi: 'महिलाओं के लिए सैलून, पुरुषों के लिए हेयरकट और घर पर दुल्हन का मेकअप।',
    },
    platformFeeBps: 1500,
    cancellationPolicy: strictPolicy,
    backgroundCheckFeePaise: 59_900,
    subCategories: [
      sub(
        'salon-women',
        'Salon for women',
        'महिलाओं के लिए सैलून',
        'Waxing, facials, threading and manicure.',
        90,
        [49_900, 1_99_900],
      ),
      sub('haircut-men', "Men's haircut", 'पुरुषों का हेयरकट', 'Haircut, beard trim and head massage.', 45, [19_900, 49_900]),
      sub(
        'bridal-makeup',
        'Bridal makeup',
        'दुल्हन का मेकअप',
        'HD or airbrush bridal makeup and draping.',
        240,
        [9_99_900, 29_99_900],
      ),
    ],
  },
  {
    slug: 'tutoring',
    name: { en: 'Home Tutoring', hi: 'होम ट्यूशन' },
    icon: 'graduation-cap',
    description: {
      en: 'Experienced tutors for maths, science, English and music at home.',
      hi: 'गणित, विज्ञान, अंग्रेज़ी और संगीत के लिए अनुभवी ट्यूटर घर पर।',
    },
    platformFeeBps: 1000,
    cancellationPolicy: flexiblePolicy,
    backgroundCheckFeePaise: 69_900,
    subCategories: [
      sub('maths-tuition', 'Maths tuition', 'गणित ट्यूशन', 'CBSE/ICSE/UP Board, classes 1–12.', 60, [39_900, 99_900], 'HOURLY'),
      sub('science-tuition', 'Science tuition', 'विज्ञान ट्यूशन', 'Physics, chemistry and biology.', 60, [39_900, 99_900], 'HOURLY'),
      sub(
        'english-tuition',
        'English tuition',
        'अंग्रेज़ी ट्यूशन',
        'Grammar, writing and spoken English.',
        60,
        [34_900, 79_900],
        'HOURLY',
      ),
      sub(
        'music-lessons',
        'Music lessons',
        'संगीत की कक्षा',
        'Guitar, keyboard, tabla and vocals.',
        60,
        [49_900, 1_19_900],
        'HOURLY',
      ),
    ],
  },
  {
    slug: 'packers-movers',
    name: { en: 'Packers & Movers', hi: 'पैकर्स और मूवर्स' },
    icon: 'truck',
    description: {
      en: 'Local home shifting with packing, loading and vehicle transport.',
      hi: 'पैकिंग, लोडिंग के साथ शहर के अंदर घर शिफ़्टिंग और वाहन ढुलाई।',
    },
    platformFeeBps: 800,
    cancellationPolicy: strictPolicy,
    backgroundCheckFeePaise: 69_900,
    subCategories: [
      sub('home-shifting', 'Home shifting', 'घर शिफ़्टिंग', '1–3 BHK packing, moving and unpacking.', 480, [7_99_900, 24_99_900]),
      sub('vehicle-transport', 'Vehicle transport', 'वाहन ढुलाई', 'Bike and car carrier transport.', 240, [3_99_900, 14_99_900]),
    ],
  },
  {
    slug: 'car-care',
    name: { en: 'Car Care', hi: 'कार केयर' },
    icon: 'car',
    description: {
      en: 'Doorstep car wash, interior cleaning and minor repairs.',
      hi: 'घर पर कार धुलाई, अंदर की सफ़ाई और छोटी मरम्मत।',
    },
    platformFeeBps: 1200,
    cancellationPolicy: flexiblePolicy,
    backgroundCheckFeePaise: 49_900,
    subCategories: [
      sub('car-wash', 'Car wash', 'कार धुलाई', 'Foam wash, vacuum and dashboard polish.', 60, [29_900, 79_900]),
      sub(
        'car-repair',
        'Car repair',
        'कार मरम्मत',
        'Battery, brakes, lights and diagnostics.',
        120,
        [49_900, 1_49_900],
        'INSPECTION',
      ),
    ],
  },
  {
    slug: 'computer-repair',
    name: { en: 'Computer & Wi-Fi', hi: 'कंप्यूटर और वाई-फ़ाई' },
    icon: 'laptop',
    description: {
      en: 'Laptop and desktop repair, OS installs, Wi-Fi and router setup.',
      hi: 'लैपटॉप और डेस्कटॉप मरम्मत, ओएस इंस्टॉल, वाई-फ़ाई और राउटर सेटअप।',
    },
    platformFeeBps: 1000,
    cancellationPolicy: standardPolicy,
    backgroundCheckFeePaise: 39_900,
    subCategories: [
      sub(
        'laptop-repair',
        'Laptop repair',
        'लैपटॉप मरम्मत',
        'Screens, keyboards, batteries, software.',
        60,
        [29_900, 99_900],
        'INSPECTION',
      ),
      sub('wifi-setup', 'Wi-Fi setup', 'वाई-फ़ाई सेटअप', 'Router, mesh and range extender setup.', 45, [19_900, 49_900]),
    ],
  },
];
