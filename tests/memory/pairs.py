"""Hand-written claim pairs for the memory of past verdicts.

PAIRS are the same checkable claim worded differently (a desk that checked one
has checked the other). NON_PAIRS are claims a word-overlap search would confuse:
same topic with another number, same number about another place or thing, another
year, the opposite bound. All are numbers-and-entities claims as news prints them.
Written before the scoring was tuned; the benchmark prints precision and recall.
"""

from __future__ import annotations

PAIRS: list[tuple[str, str]] = [
    (
        "Shenzhen was already home to over a million foreigners",
        "more than one million foreigners live in Shenzhen",
    ),
    (
        "unemployment in Spain fell to 12% in 2023",
        "Spain's jobless rate dropped to 12 per cent in 2023",
    ),
    ("the city has 2,223 tech firms", "2,223 technology companies are based in the city"),
    ("Tesla sold 1.8 million cars in 2023", "In 2023 Tesla delivered 1.8m vehicles"),
    ("London has about 9 million residents", "roughly nine million people live in London"),
    ("Apple paid $3.5 billion in fines", "Apple was fined 3.5 billion dollars"),
    ("over 40,000 students enrolled at Harvard", "Harvard enrolled more than 40,000 students"),
    (
        "Nigeria's population grew by 2.5% last year",
        "the population of Nigeria rose 2.5 percent last year",
    ),
    ("the new bridge in Oslo cost €40 million", "Oslo spent 40 million euros on the new bridge"),
    ("fewer than 500 doctors work in Malawi", "Malawi has under 500 physicians"),
    ("Amazon employs 1.5 million workers", "around 1.5 million people work for Amazon"),
    ("Japan welcomed 25 million tourists in 2023", "25 million visitors came to Japan in 2023"),
    ("Germany built 300,000 new homes", "300,000 houses were constructed in Germany"),
    ("inflation in Turkey reached 65%", "Turkish inflation hit 65 percent"),
    (
        "about 3,000 people died in the Morocco earthquake",
        "the Morocco quake killed nearly 3,000 people",
    ),
    ("Ireland's economy grew 9% in 2022", "in 2022 the Irish economy expanded by 9 per cent"),
    ("Kenya exported 500,000 tonnes of tea", "tea exports from Kenya totalled 500,000 tonnes"),
    (
        "more than 70% of Danes cycle to work",
        "over 70 percent of Danish commuters go to work by bike in Denmark",
    ),
    (
        "Microsoft invested $10 billion in OpenAI",
        "OpenAI received 10 billion dollars from Microsoft",
    ),
    ("Paris has 1,800 bakeries", "there are 1,800 bakeries in Paris"),
    (
        "India has over 600 million internet users",
        "more than 600 million Indians use the internet in India",
    ),
    (
        "Brazil lost 11,000 square kilometres of rainforest",
        "11,000 km2 of Brazilian rainforest was lost in Brazil",
    ),
    ("the NHS employs 1.3 million staff", "1.3 million people are employed by the NHS"),
    ("Canada admitted 485,000 immigrants in 2023", "in 2023 Canada took in 485,000 migrants"),
    (
        "Samsung's profit fell 35% in the quarter",
        "a 35 percent drop in Samsung profit in the quarter",
    ),
    ("Lagos is home to 15 million people", "some 15 million people live in Lagos"),
    ("the Tokyo Olympics cost $13 billion", "Tokyo spent 13 billion dollars on the Olympics"),
    (
        "half of Dutch homes have solar panels",
        "50% of homes in the Netherlands have solar panels in the Netherlands",
    ),
]

NON_PAIRS: list[tuple[str, str]] = [
    (
        "Shenzhen was already home to over a million foreigners",
        "more than two million foreigners live in Shanghai",
    ),
    ("Shenzhen was home to over a million foreigners", "over a million foreigners live in Beijing"),
    ("unemployment in Spain fell to 12% in 2023", "unemployment in Spain fell to 12% in 2013"),
    ("unemployment in Spain fell to 12% in 2023", "unemployment in Greece fell to 12% in 2023"),
    ("the city has 2,223 tech firms", "the city has 3,100 tech firms"),
    ("Tesla sold 1.8 million cars in 2023", "BYD sold 3 million cars in 2023"),
    ("London has about 9 million residents", "New York has about 8 million residents"),
    ("Apple paid $3.5 billion in fines", "Google paid $4.1 billion in fines"),
    ("over 40,000 students enrolled at Harvard", "under 40,000 students enrolled at Harvard"),
    ("Nigeria's population grew by 2.5% last year", "Ghana's population grew by 2.5% last year"),
    ("the new bridge in Oslo cost €40 million", "the new tunnel in Oslo cost €900 million"),
    ("fewer than 500 doctors work in Malawi", "fewer than 500 nurses work in Zambia"),
    ("Amazon employs 1.5 million workers", "Walmart employs 2.1 million workers"),
    ("Japan welcomed 25 million tourists in 2023", "Japan welcomed 32 million tourists in 2019"),
    ("Germany built 300,000 new homes", "France built 400,000 new homes"),
    ("inflation in Turkey reached 65%", "inflation in Argentina reached 200%"),
    (
        "about 3,000 people died in the Morocco earthquake",
        "about 50,000 people died in the Turkey earthquake",
    ),
    ("Ireland's economy grew 9% in 2022", "Ireland's economy shrank 3% in 2023"),
    ("Kenya exported 500,000 tonnes of tea", "Kenya exported 2 million tonnes of coffee"),
    ("more than 70% of Danes cycle to work", "more than 70% of Norwegians drive to work"),
    ("Microsoft invested $10 billion in OpenAI", "Amazon invested $4 billion in Anthropic"),
    ("Paris has 1,800 bakeries", "Paris has 40,000 restaurants"),
    ("India has over 600 million internet users", "China has over 1 billion internet users"),
    ("the NHS employs 1.3 million staff", "the NHS has a waiting list of 7.6 million patients"),
    ("Canada admitted 485,000 immigrants in 2023", "Australia admitted 195,000 immigrants in 2023"),
    ("Samsung's profit fell 35% in the quarter", "Samsung's profit rose 12% in the quarter"),
    ("Lagos is home to 15 million people", "Cairo is home to 22 million people"),
    ("the Tokyo Olympics cost $13 billion", "the Paris Olympics cost $9 billion"),
    ("half of Dutch homes have solar panels", "a quarter of Belgian homes have heat pumps"),
    ("the city has 2,223 tech firms", "2,223 people attended the city's tech fair"),
]
