"""The county console's content: SQL queries over the server's materialised rows that return
plain values (overview, inbox, villages and children, the child's file), the county's actions on
mandatory reports (written as server-origin changes the laptops pull), Excel exports, SVG charts
and e-mail notices. The web pages (`app/server/web/pages`) only render what these return."""
