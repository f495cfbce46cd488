# compare.gp - F1 against pages per second (log scale) for every tool that
# bench/compare.sh ran; one colour per dataset, points labelled by tool.
# gnuplot -e "datafile='compare.dat'; outfile='compare.png'; titles='zyte wcxb'" compare.gp
set terminal pngcairo size 1000,640 noenhanced font ",10"
set output outfile
set logscale x
set xlabel "pages per second, one core (log scale)"
set ylabel "F1"
set grid
set key below
set offsets graph 0.05, graph 0.25, graph 0.05, graph 0.05
set title "winnow vs. peers: accuracy against speed"
nb = words(titles)
plot for [i=0:nb-1] datafile index i using 2:3 with points pt 7 ps 1.5 title word(titles, i+1), \
     for [i=0:nb-1] datafile index i using 2:3:1 with labels offset 0.8,0.6 left notitle
