/**
 * Common service-chat phrases, English ↔ Hindi (and romanised Hindi as typed on phones). `{n}` stands for
 * a number or a time ("30", "5:30"), carried across in order. Matching is exact after normalisation, so a
 * sentence that is not here is delivered untranslated rather than guessed.
 */
export interface Phrase {
  en: string[];
  hi: string[];
  latn?: string[];
}

export const PHRASES: Phrase[] = [
  {
    en: ['I can come in {n} minutes'],
    hi: ['मैं {n} मिनट में आ सकता हूं', 'मैं {n} मिनट में आ सकती हूं'],
    latn: ['main {n} minute mein aa sakta hoon', 'mai {n} min me aa sakta hu'],
  },
  {
    en: ['I will come in {n} minutes', 'I will be there in {n} minutes'],
    hi: ['मैं {n} मिनट में आऊंगा', 'मैं {n} मिनट में पहुंच जाऊंगा'],
    latn: ['main {n} minute mein aaunga', 'main {n} minute mein pahunch jaunga'],
  },
  { en: ['Where is your house'], hi: ['आपका घर कहां है'], latn: ['aapka ghar kahan hai', 'apka ghar kaha hai'] },
  { en: ['What is your address'], hi: ['आपका पता क्या है'], latn: ['aapka pata kya hai', 'apka pata kya hai'] },
  { en: ['What time'], hi: ['कितने बजे'], latn: ['kitne baje'] },
  { en: ['What time should I come'], hi: ['मैं कितने बजे आऊं'], latn: ['main kitne baje aaun', 'kitne baje aaun'] },
  {
    en: ['What is the price', 'What is the cost', 'How much will it cost'],
    hi: ['कितना खर्चा होगा', 'कीमत क्या है', 'कितने पैसे लगेंगे'],
    latn: ['kitna kharcha hoga', 'kitne paise lagenge', 'kitna paisa lagega'],
  },
  {
    en: ['The price is {n} rupees', 'It will cost {n} rupees'],
    hi: ['{n} रुपये लगेंगे', 'कीमत {n} रुपये है'],
    latn: ['{n} rupaye lagenge', '{n} rupees lagenge'],
  },
  {
    en: ['I am on my way', 'On my way'],
    hi: ['मैं रास्ते में हूं', 'मैं आ रहा हूं'],
    latn: ['main raste mein hoon', 'main aa raha hoon', 'aa raha hoon', 'aa raha hu'],
  },
  {
    en: ['I have reached', 'Reached', 'I am here'],
    hi: ['मैं पहुंच गया हूं', 'पहुंच गया', 'मैं पहुंच गई हूं'],
    latn: ['main pahunch gaya hoon', 'pahunch gaya', 'pahuch gaya', 'main pahunch gaya'],
  },
  {
    en: ['I am outside your house', 'I am at the gate'],
    hi: ['मैं आपके घर के बाहर हूं', 'मैं गेट पर हूं'],
    latn: ['main aapke ghar ke bahar hoon', 'main gate par hoon'],
  },
  {
    en: ['Please open the door'],
    hi: ['कृपया दरवाजा खोलिए', 'दरवाजा खोलिए'],
    latn: ['darwaza kholiye', 'please darwaza kholiye'],
  },
  { en: ['Please wait'], hi: ['कृपया रुकिए', 'रुकिए'], latn: ['rukiye', 'ruko', 'thoda rukiye'] },
  { en: ['Please wait {n} minutes'], hi: ['कृपया {n} मिनट रुकिए', '{n} मिनट रुकिए'], latn: ['{n} minute rukiye', '{n} min ruko'] },
  {
    en: ['I will be late by {n} minutes', 'I am running {n} minutes late'],
    hi: ['मुझे {n} मिनट की देरी होगी'],
    latn: ['mujhe {n} minute late hoga', '{n} minute late ho jaunga'],
  },
  {
    en: ['Sorry for the delay'],
    hi: ['देरी के लिए माफ़ कीजिए', 'देरी के लिए माफ कीजिए'],
    latn: ['deri ke liye maaf kijiye', 'late ke liye sorry'],
  },
  { en: ['Thank you', 'Thanks'], hi: ['धन्यवाद', 'शुक्रिया'], latn: ['dhanyavad', 'shukriya', 'dhanyawad'] },
  { en: ['Hello'], hi: ['नमस्ते', 'नमस्कार'], latn: ['namaste', 'namaskar'] },
  { en: ['Yes'], hi: ['हां', 'जी हां'], latn: ['haan', 'haan ji', 'ji haan'] },
  { en: ['No'], hi: ['नहीं', 'जी नहीं'], latn: ['nahi', 'nahin', 'ji nahi'] },
  { en: ['Okay', 'OK', 'Fine'], hi: ['ठीक है'], latn: ['theek hai', 'thik hai', 'thik h'] },
  { en: ['Come tomorrow'], hi: ['कल आइए', 'कल आना'], latn: ['kal aaiye', 'kal aana'] },
  { en: ['Can you come today'], hi: ['क्या आप आज आ सकते हैं'], latn: ['kya aap aaj aa sakte hain', 'aaj aa sakte ho'] },
  { en: ['Can you come tomorrow'], hi: ['क्या आप कल आ सकते हैं'], latn: ['kya aap kal aa sakte hain', 'kal aa sakte ho'] },
  { en: ['Can you come now'], hi: ['क्या आप अभी आ सकते हैं'], latn: ['kya aap abhi aa sakte hain', 'abhi aa sakte ho'] },
  { en: ['I will come tomorrow'], hi: ['मैं कल आऊंगा', 'मैं कल आऊंगी'], latn: ['main kal aaunga', 'kal aaunga'] },
  {
    en: ['Please come tomorrow morning', 'Come tomorrow morning'],
    hi: ['कृपया कल सुबह आइए', 'कल सुबह आइए', 'कल सुबह आना'],
    latn: ['kal subah aaiye', 'please kal subah aaiye', 'kal subah aana'],
  },
  {
    en: ['I will come tomorrow morning'],
    hi: ['मैं कल सुबह आऊंगा', 'मैं कल सुबह आऊंगी'],
    latn: ['main kal subah aaunga', 'kal subah aaunga', 'main kal subah aaungi'],
  },
  {
    en: ['Is the tap leaking badly', 'Is the tap leaking a lot'],
    hi: ['क्या नल बहुत टपक रहा है', 'क्या नल ज़्यादा लीक हो रहा है'],
    latn: ['kya nal bahut tapak raha hai', 'nal bahut tapak raha hai kya'],
  },
  { en: ['I will come today'], hi: ['मैं आज आऊंगा', 'मैं आज आऊंगी'], latn: ['main aaj aaunga', 'aaj aaunga'] },
  {
    en: ['I will come at {n}', "I will come at {n} o'clock"],
    hi: ['मैं {n} बजे आऊंगा', 'मैं {n} बजे आऊंगी'],
    latn: ['main {n} baje aaunga', '{n} baje aaunga'],
  },
  { en: ['Come at {n}', "Come at {n} o'clock"], hi: ['{n} बजे आइए', '{n} बजे आना'], latn: ['{n} baje aaiye', '{n} baje aana'] },
  { en: ['I am available in the morning'], hi: ['मैं सुबह खाली हूं'], latn: ['main subah free hoon', 'subah free hoon'] },
  { en: ['I am available in the evening'], hi: ['मैं शाम को खाली हूं'], latn: ['main shaam ko free hoon', 'shaam ko free hoon'] },
  {
    en: ['Please share your location', 'Send your location'],
    hi: ['कृपया अपनी लोकेशन भेजिए', 'अपनी लोकेशन भेजिए'],
    latn: ['apni location bhejiye', 'location bhejo', 'location bhejiye'],
  },
  { en: ['I have sent the location'], hi: ['मैंने लोकेशन भेज दी है'], latn: ['maine location bhej di hai', 'location bhej di'] },
  { en: ['Please call me'], hi: ['कृपया मुझे फोन कीजिए', 'मुझे कॉल कीजिए'], latn: ['mujhe call kijiye', 'call karo'] },
  { en: ['I will call you'], hi: ['मैं आपको फोन करूंगा', 'मैं आपको कॉल करूंगा'], latn: ['main aapko call karunga', 'call karunga'] },
  {
    en: ['What is the problem'],
    hi: ['क्या समस्या है', 'क्या दिक्कत है'],
    latn: ['kya problem hai', 'kya dikkat hai', 'kya samasya hai'],
  },
  { en: ['The tap is leaking'], hi: ['नल टपक रहा है', 'नल लीक हो रहा है'], latn: ['nal tapak raha hai', 'nal leak ho raha hai'] },
  { en: ['The pipe is leaking'], hi: ['पाइप लीक हो रहा है'], latn: ['pipe leak ho raha hai'] },
  { en: ['The drain is blocked'], hi: ['नाली जाम है', 'नाली बंद है'], latn: ['nali jaam hai', 'naali band hai'] },
  {
    en: ['The AC is not cooling'],
    hi: ['एसी ठंडा नहीं कर रहा है', 'एसी कूलिंग नहीं कर रहा है'],
    latn: ['ac thanda nahi kar raha hai', 'ac cooling nahi kar raha'],
  },
  {
    en: ['The fan is not working'],
    hi: ['पंखा नहीं चल रहा है', 'पंखा काम नहीं कर रहा है'],
    latn: ['pankha nahi chal raha hai', 'pankha kaam nahi kar raha'],
  },
  { en: ['There is no electricity', 'There is no power'], hi: ['बिजली नहीं है'], latn: ['bijli nahi hai', 'light nahi hai'] },
  {
    en: ['The work is done', 'The work is complete'],
    hi: ['काम हो गया है', 'काम पूरा हो गया है'],
    latn: ['kaam ho gaya hai', 'kaam pura ho gaya', 'kaam ho gaya'],
  },
  {
    en: ['The work will take {n} hours'],
    hi: ['काम में {n} घंटे लगेंगे'],
    latn: ['kaam mein {n} ghante lagenge', '{n} ghante lagenge'],
  },
  { en: ['The work will take {n} minutes'], hi: ['काम में {n} मिनट लगेंगे'], latn: ['kaam mein {n} minute lagenge'] },
  {
    en: ['I need to buy a part', 'A part needs to be replaced'],
    hi: ['एक पार्ट बदलना पड़ेगा', 'पार्ट खरीदना पड़ेगा'],
    latn: ['ek part badalna padega', 'part kharidna padega'],
  },
  {
    en: ['Please bring the tools'],
    hi: ['कृपया औज़ार लेकर आइए', 'कृपया औजार लेकर आइए'],
    latn: ['auzaar lekar aaiye', 'tools lekar aaiye'],
  },
  { en: ['Is parking available'], hi: ['क्या पार्किंग है'], latn: ['kya parking hai', 'parking hai kya'] },
  { en: ['Which floor'], hi: ['कौन सी मंजिल', 'कौन सा फ्लोर'], latn: ['kaun si manzil', 'kaun sa floor', 'konsa floor'] },
  { en: ['Ground floor'], hi: ['ग्राउंड फ्लोर', 'भूतल'], latn: ['ground floor'] },
  { en: ['First floor'], hi: ['पहली मंजिल', 'फर्स्ट फ्लोर'], latn: ['pehli manzil', 'first floor'] },
  { en: ['Near the temple'], hi: ['मंदिर के पास'], latn: ['mandir ke paas'] },
  { en: ['Near the market'], hi: ['बाजार के पास', 'मार्केट के पास'], latn: ['bazaar ke paas', 'market ke paas'] },
  {
    en: ['I will pay in cash'],
    hi: ['मैं नकद दूंगा', 'मैं कैश में दूंगा'],
    latn: ['main cash dunga', 'cash dunga', 'main cash mein dunga'],
  },
  { en: ['I will pay online'], hi: ['मैं ऑनलाइन पेमेंट करूंगा'], latn: ['main online payment karunga', 'online payment karunga'] },
  {
    en: ['Payment done', 'I have paid'],
    hi: ['पेमेंट हो गया', 'मैंने पेमेंट कर दिया है'],
    latn: ['payment ho gaya', 'maine payment kar diya'],
  },
  { en: ['Please confirm the booking'], hi: ['कृपया बुकिंग कन्फर्म कीजिए'], latn: ['booking confirm kijiye', 'booking confirm karo'] },
  {
    en: ['I have confirmed the booking'],
    hi: ['मैंने बुकिंग कन्फर्म कर दी है'],
    latn: ['maine booking confirm kar di hai', 'booking confirm kar di'],
  },
  { en: ['I need to cancel'], hi: ['मुझे कैंसिल करना है'], latn: ['mujhe cancel karna hai', 'cancel karna hai'] },
  { en: ['Can we reschedule'], hi: ['क्या हम समय बदल सकते हैं'], latn: ['kya hum time badal sakte hain', 'time badal sakte hain'] },
  { en: ['I am busy right now'], hi: ['मैं अभी व्यस्त हूं'], latn: ['main abhi busy hoon', 'abhi busy hoon'] },
  { en: ['Please send a photo'], hi: ['कृपया फोटो भेजिए', 'फोटो भेजिए'], latn: ['photo bhejiye', 'photo bhejo'] },
  { en: ['I have sent a photo'], hi: ['मैंने फोटो भेज दी है'], latn: ['maine photo bhej di hai', 'photo bhej di'] },
  { en: ['Good morning'], hi: ['सुप्रभात'], latn: ['suprabhat'] },
  { en: ['See you soon'], hi: ['जल्द मिलते हैं'], latn: ['jaldi milte hain'] },
  { en: ['Please come quickly', 'Please hurry'], hi: ['कृपया जल्दी आइए', 'जल्दी आइए'], latn: ['jaldi aaiye', 'jaldi aao'] },
  {
    en: ['How long will it take'],
    hi: ['कितना समय लगेगा', 'कितनी देर लगेगी'],
    latn: ['kitna time lagega', 'kitni der lagegi', 'kitna samay lagega'],
  },
  { en: ['Is the work done'], hi: ['क्या काम हो गया'], latn: ['kya kaam ho gaya', 'kaam ho gaya kya'] },
  { en: ['Everything is working now'], hi: ['अब सब ठीक चल रहा है'], latn: ['ab sab theek chal raha hai', 'ab sab thik hai'] },
  { en: ['Please give a good rating'], hi: ['कृपया अच्छी रेटिंग दीजिए'], latn: ['acchi rating dijiye', 'achhi rating dena'] },
];
