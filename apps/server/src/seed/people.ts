import type { Rng } from './prng';

const northMale = [
  'Rajesh',
  'Amit',
  'Suresh',
  'Rakesh',
  'Vikas',
  'Anil',
  'Manoj',
  'Sanjay',
  'Deepak',
  'Ravi',
  'Arvind',
  'Pankaj',
  'Rahul',
  'Ashok',
  'Vinod',
  'Mohd. Irfan',
  'Imran',
  'Salim',
  'Gurpreet',
  'Harish',
  'Naveen',
  'Ajay',
  'Sunil',
  'Pramod',
  'Dinesh',
  'Mukesh',
  'Shivam',
  'Abhishek',
  'Faisal',
  'Vivek',
];
const northFemale = [
  'Priya',
  'Neha',
  'Pooja',
  'Anjali',
  'Sunita',
  'Kavita',
  'Ritu',
  'Shalini',
  'Nisha',
  'Rekha',
  'Sana',
  'Ayesha',
  'Meena',
  'Swati',
  'Divya',
  'Simran',
  'Shabnam',
  'Komal',
  'Preeti',
  'Aarti',
];
const northLast = [
  'Sharma',
  'Verma',
  'Gupta',
  'Singh',
  'Yadav',
  'Mishra',
  'Srivastava',
  'Tiwari',
  'Pandey',
  'Khan',
  'Siddiqui',
  'Ansari',
  'Chauhan',
  'Saxena',
  'Agarwal',
  'Rastogi',
  'Kapoor',
  'Malhotra',
  'Arora',
  'Bhatia',
  'Dubey',
  'Shukla',
  'Rizvi',
  'Kumar',
  'Jaiswal',
];
const southMale = [
  'Ramesh',
  'Suresh',
  'Manjunath',
  'Naveen',
  'Prakash',
  'Venkatesh',
  'Kiran',
  'Srinivas',
  'Arun',
  'Harsha',
  'Raghu',
  'Mahesh',
  'Girish',
  'Santosh',
  'Karthik',
  'Vijay',
  'Anand',
  'Shivakumar',
  'Nagaraj',
  'Praveen',
];
const southFemale = [
  'Lakshmi',
  'Divya',
  'Kavya',
  'Shruti',
  'Deepa',
  'Anitha',
  'Roopa',
  'Sowmya',
  'Pavithra',
  'Meghana',
  'Rashmi',
  'Sahana',
  'Bhavya',
  'Priya',
  'Asha',
];
const southLast = [
  'Gowda',
  'Reddy',
  'Rao',
  'Shetty',
  'Naidu',
  'Hegde',
  'Kumar',
  'Murthy',
  'Iyer',
  'Nair',
  'Pillai',
  'Bhat',
  'Prasad',
  'Swamy',
  'Patil',
];

export interface Person {
  first: string;
  last: string;
  name: string;
  female: boolean;
}

export function personFor(rng: Rng, city: string, femaleShare = 0.35): Person {
  const south = city === 'Bengaluru';
  const female = rng.chance(femaleShare);
  const first = rng.pick(south ? (female ? southFemale : southMale) : female ? northFemale : northMale);
  const last = rng.pick(south ? southLast : northLast);
  return { first, last, name: `${first} ${last}`, female };
}

/** Trade words per category for believable business names. */
const trade: Record<string, readonly string[]> = {
  plumbing: ['Plumbing Works', 'Plumbing Services', 'Sanitary & Plumbing', 'Pipe Fix'],
  electrical: ['Electricals', 'Electric Works', 'Power Solutions', 'Wiring Services'],
  'ac-repair': ['Cooling Solutions', 'AC Care', 'Refrigeration & AC', 'Cool Air Services'],
  cleaning: ['Cleaning Services', 'Home Care', 'Sparkle Cleaners', 'Facility Services'],
  carpentry: ['Furniture Works', 'Wood Craft', 'Carpentry Services', 'Interiors'],
  painting: ['Painters', 'Colour Works', 'Paints & Décor', 'Waterproofing Solutions'],
  'pest-control': ['Pest Control', 'Pest Solutions', 'Hygiene Services'],
  'appliance-repair': ['Appliance Care', 'Electronics Repair', 'Home Appliances Service'],
  'ro-water-purifier': ['RO Services', 'Aqua Care', 'Water Solutions'],
  'beauty-at-home': ['Beauty Studio', 'Makeovers', 'Salon at Home', 'Glow Studio'],
  tutoring: ['Tutorials', 'Classes', 'Learning Centre', 'Academy'],
  'packers-movers': ['Packers & Movers', 'Relocations', 'Shifting Services', 'Logistics'],
  'car-care': ['Car Care', 'Auto Care', 'Car Spa', 'Motors'],
  'computer-repair': ['Computers', 'Tech Solutions', 'IT Services', 'Laptop Care'],
};
const prefixes = [
  'Shree',
  'New',
  'Royal',
  'Star',
  'City',
  'Perfect',
  'Quick',
  'Reliable',
  'Modern',
  'Sai',
  'Balaji',
  'Krishna',
  'Ganesh',
  'Metro',
  'Om',
];

export function businessName(rng: Rng, person: Person, categorySlug: string): string {
  const words = trade[categorySlug] ?? ['Services'];
  const style = rng.int(0, 3);
  if (style === 0) return `${person.last} ${rng.pick(words)}`;
  if (style === 1) return `${person.first}'s ${rng.pick(words)}`;
  if (style === 2) return `${rng.pick(prefixes)} ${rng.pick(words)}`;
  return person.name;
}

export function providerDescription(rng: Rng, categoryName: string, years: number, locality: string): string {
  const openers = [
    `${years} years of experience in ${categoryName.toLowerCase()}`,
    `Trusted ${categoryName.toLowerCase()} professional with ${years}+ years in the trade`,
    `Experienced ${categoryName.toLowerCase()} specialist (${years} years)`,
  ];
  const promises = [
    'on-time visits and clear pricing before work starts',
    'genuine spare parts and a 30-day service warranty',
    'neat work, no hidden charges',
    'same-day service in most areas',
    'tools and materials brought along',
  ];
  const promise = rng.pick(promises);
  return `${rng.pick(openers)}, serving ${locality} and nearby areas. ${promise[0]!.toUpperCase()}${promise.slice(1)}.`;
}

/** Review comments by star band; a mix of English, Hinglish and Hindi as real customers write. */
const comments: Record<'great' | 'good' | 'ok' | 'bad', readonly string[]> = {
  great: [
    'Very professional and on time. Fixed the problem in one visit.',
    'Bahut accha kaam kiya, time pe aaye aur saaf-safai bhi ki.',
    'बहुत बढ़िया काम, समय पर आए और सही दाम लिया।',
    'Excellent service, explained everything before starting. Highly recommended!',
    'Quick, polite and reasonably priced. Will book again.',
    'Ekdum perfect kaam. Pehle price bataya, koi extra charge nahi.',
    'Did a very neat job and cleaned up afterwards.',
  ],
  good: [
    'Good work overall, came about 15 minutes late.',
    'Kaam theek tha, thoda mehnga laga.',
    'अच्छा काम किया, बस थोड़ी देर से पहुँचे।',
    'Solved the issue. Communication could be better.',
    'Decent service, would use again.',
  ],
  ok: ['Work was okay but took longer than expected.', 'Average service, had to call twice.', 'ठीक-ठाक काम, दोबारा बुलाना पड़ा।'],
  bad: [
    'Came very late and the problem came back next day.',
    'Not satisfied, overcharged for a small job.',
    'काम अधूरा छोड़ दिया, दोबारा आना पड़ा।',
  ],
};

export function reviewComment(rng: Rng, stars: number): string | null {
  if (rng.chance(0.2)) return null;
  const band = stars >= 5 ? 'great' : stars === 4 ? 'good' : stars === 3 ? 'ok' : 'bad';
  return rng.pick(comments[band]);
}

const responses = [
  'Thank you for the kind words! Happy to help anytime.',
  'Dhanyavaad! Aapki seva karke khushi hui.',
  'धन्यवाद! फिर से सेवा का मौका दें।',
  'Sorry for the delay, we will do better next time.',
];

export function providerResponse(rng: Rng): string {
  return rng.pick(responses);
}
